using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// Churn and retention from customers.csv: monthly simple churn over the last twelve full months, adjusted churn over
/// the last year, Kaplan–Meier survival of lifetimes in days, and the shifted-beta-geometric model fitted to the
/// customers observed for at least <see cref="SbgMonths"/> months (one pooled cohort with equal exposure).
/// The as-of date is the latest start or end date in the file, as in the <c>churn</c> commands.
/// </summary>
internal sealed class RetentionSection : IReportSection
{
    private const int SbgMonths = 12;

    public string Id => "retention";

    public string Title => "Churn and retention";

    public string Requires => "customers.csv (customer_id, start_date, end_date)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("customers.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        ChurnInput input = ChurnInput.Read(inputs.Settings(inputs.Find("customers.csv")!), inputs.Console);
        var result = new ReportSectionResult();
        if (input.LatestDate is not DateOnly asOf)
        {
            result.Notes.Add("customers.csv has no customers.");
            return result;
        }

        input.RequireStartsBy(asOf);
        CustomerRecord[] customers = [.. input.Customers];
        result.Data["asOf"] = Day(asOf);
        result.Data["customers"] = customers.Length;
        result.Notes.Add($"as of {Day(asOf)}, the latest start or end date in customers.csv.");

        // Monthly simple churn, last twelve full months.
        var monthRows = new List<JsonObject>();
        var firstOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        for (int k = 12; k >= 1; k--)
        {
            DateOnly from = firstOfMonth.AddMonths(-k), to = from.AddMonths(1);
            ChurnResult r = Churn.Calculate(customers, from, to, ChurnMethod.Simple);
            Interval? ci = r.ConfidenceInterval(inputs.Confidence);
            monthRows.Add(new JsonObject
            {
                ["month"] = from.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                ["startCustomers"] = r.StartCustomers,
                ["lost"] = r.Lost,
                ["acquired"] = r.Acquired,
                ["churnRate"] = r.Rate,
                ["lower"] = ci?.Lower,
                ["upper"] = ci?.Upper,
            });
        }

        ChurnResult year = Churn.Calculate(customers, asOf.AddYears(-1), asOf, ChurnMethod.Adjusted);
        result.Data["lastYear"] = new JsonObject
        {
            ["method"] = "adjusted",
            ["from"] = Day(asOf.AddYears(-1)),
            ["to"] = Day(asOf),
            ["rate"] = year.Rate,
            ["startCustomers"] = year.StartCustomers,
            ["endCustomers"] = year.EndCustomers,
            ["lost"] = year.Lost,
            ["acquired"] = year.Acquired,
            ["retentionRate"] = year.RetentionRate,
        };
        result.Data["monthlyChurn"] = new JsonArray([.. monthRows.Select(r => (JsonNode)r.DeepClone())]);
        result.Tables.Add(new OutputDocument("Simple churn by month (lost / customers at the start of the month)", [], monthRows));
        result.Tables.Add(new OutputDocument("Last twelve months", [], [(JsonObject)result.Data["lastYear"]!.DeepClone()]));
        result.Charts.Add(new ReportChart("monthly-churn", "Monthly churn rate",
            ChartJs.LineWithBand([.. monthRows.Select(r => r["month"]!.GetValue<string>())], [.. monthRows.Select(r => r["churnRate"]?.GetValue<double?>())],
                [.. monthRows.Select(r => r["lower"]?.GetValue<double?>())], [.. monthRows.Select(r => r["upper"]?.GetValue<double?>())], "simple churn", "churn rate", ChartJs.Palette[1], 0, null)));

        // Kaplan–Meier survival.
        KaplanMeierCurve curve = KaplanMeier.Estimate(customers, asOf, new SurvivalOptions { ConfidenceLevel = inputs.Confidence });
        var points = new List<(double X, double Y, double? Lower, double? Upper)> { (0, 1, 1, 1) };
        points.AddRange(curve.Points.Select(p => ((double)p.Time, p.Survival, p.Lower, p.Upper)));
        result.Data["survival"] = new JsonObject
        {
            ["customers"] = curve.Count,
            ["events"] = curve.Events,
            ["medianLifetimeDays"] = curve.MedianSurvivalTime,
            ["curve"] = new JsonArray([.. curve.Points.Select(p => (JsonNode)new JsonObject { ["time"] = p.Time, ["survival"] = p.Survival, ["lower"] = p.Lower, ["upper"] = p.Upper, ["atRisk"] = p.AtRisk, ["events"] = p.Events })]),
        };
        result.Tables.Add(new OutputDocument("Kaplan–Meier survival", [], [new JsonObject
        {
            ["customers"] = curve.Count,
            ["churned"] = curve.Events,
            ["medianLifetimeDays"] = curve.MedianSurvivalTime,
            ["survival90Days"] = curve.Survival(90),
            ["survival365Days"] = curve.Survival(365),
        }]));
        result.Charts.Add(new ReportChart("survival", "Survival curve (Kaplan–Meier, days since start)",
            ChartJs.Steps("days since start", "share still active", ("survival", points, ChartJs.Palette[0])),
            $"Censored at {Day(asOf)}; band: {inputs.Confidence:P0} pointwise interval."));

        Sbg(customers, asOf, result);
        return result;
    }

    private static void Sbg(CustomerRecord[] customers, DateOnly asOf, ReportSectionResult result)
    {
        int months = SbgMonths;
        long[] survivors = Survivors(customers, asOf, months);
        while (survivors[0] < 20 && months > 3)
        {
            months--;
            survivors = Survivors(customers, asOf, months);
        }

        if (survivors[0] < 20 || survivors[^1] == survivors[0])
        {
            result.Data["sbg"] = null;
            result.Notes.Add("sBG: fewer than 20 customers observed for 3+ months, or none churned; the retention model is not fitted.");
            return;
        }

        SbgModel model;
        try
        {
            model = ShiftedBetaGeometric.Fit(survivors);
        }
        catch (ArgumentException e)
        {
            throw new InputDataException($"customers.csv: the sBG fit rejected the survivor counts: {SurveyReport.LibraryMessage(e)}");
        }

        int horizon = months + 12;
        double[] survival = model.SurvivalCurve(horizon);
        double[] retention = model.RetentionCurve(horizon);
        result.Data["sbg"] = new JsonObject
        {
            ["months"] = months,
            ["cohortSize"] = survivors[0],
            ["survivors"] = new JsonArray([.. survivors.Select(s => (JsonNode)s)]),
            ["parameters"] = new JsonObject { ["alpha"] = model.Alpha.Value, ["beta"] = model.Beta.Value },
            ["standardErrors"] = new JsonObject { ["alpha"] = model.Alpha.StandardError, ["beta"] = model.Beta.StandardError },
            ["logLikelihood"] = model.LogLikelihood,
            ["converged"] = model.Converged,
            ["survival"] = new JsonArray([.. survival.Select(s => (JsonNode)s)]),
            ["retention"] = new JsonArray([.. retention.Select(s => (JsonNode)s)]),
        };
        result.Tables.Add(new OutputDocument($"sBG retention model (customers who started at least {months} months before the as-of date)", [], [new JsonObject
        {
            ["cohortSize"] = survivors[0],
            ["alpha"] = model.Alpha.Value,
            ["beta"] = model.Beta.Value,
            ["meanMonthlyChurn"] = model.MeanChurnProbability,
            ["converged"] = model.Converged,
            ["survivalMonth12"] = survival[Math.Min(12, horizon)],
        }]));
        string[] labels = [.. Enumerable.Range(0, horizon + 1).Select(t => t.ToString(CultureInfo.InvariantCulture))];
        double?[] observed = [.. Enumerable.Range(0, horizon + 1).Select(t => t <= months ? (double?)survivors[t] / survivors[0] : null)];
        result.Charts.Add(new ReportChart("retention", "Retention: observed cohort vs shifted-beta-geometric model",
            ChartJs.Lines(labels, "share of the cohort still active", 0, 1,
                ("observed", observed, ChartJs.Palette[0], false),
                ("sBG model (projected beyond the data)", [.. survival.Select(s => (double?)s)], ChartJs.Palette[1], true)),
            "x axis: months since start. The model is fitted to the observed months and projected 12 months further."));
    }

    /// <summary>Survivors at each monthly anniversary of the customers who started at least <paramref name="months"/> months before <paramref name="asOf"/>.</summary>
    private static long[] Survivors(CustomerRecord[] customers, DateOnly asOf, int months)
    {
        var survivors = new long[months + 1];
        foreach (CustomerRecord c in customers)
        {
            if (c.Start.AddMonths(months) > asOf)
            {
                continue;
            }

            for (int t = 0; t <= months; t++)
            {
                if (c.IsActiveOn(c.Start.AddMonths(t)))
                {
                    survivors[t]++;
                }
            }
        }

        return survivors;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

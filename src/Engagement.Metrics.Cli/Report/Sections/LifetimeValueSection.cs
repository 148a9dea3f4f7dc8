using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// Customer lifetime value from transactions.csv: RFM in weeks up to the latest transaction date, BG/NBD for purchases,
/// Gamma-Gamma for spend, and a 12-month discounted CLV per customer (1 % per month), summarised with a histogram.
/// </summary>
internal sealed class LifetimeValueSection : IReportSection
{
    private const int Bins = 20;

    public string Id => "lifetimeValue";

    public string Title => "Customer lifetime value";

    public string Requires => "transactions.csv (customer_id, date, amount)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("transactions.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        string path = inputs.Find("transactions.csv")!;
        var transactions = new List<CustomerTransaction>();
        string source;
        using (TabularInput input = TabularInput.Open(path, inputs.Console.In))
        {
            source = input.Source;
            input.RequireColumn("customer_id");
            input.RequireColumn("date");
            input.RequireColumn("amount");
            foreach (InputRow row in input.ReadRows())
            {
                string id = row.RequireText("customer_id");
                DateTimeOffset date = row.RequireTimestamp("date");
                double amount = row.OptionalDouble("amount") ?? throw row.Error("amount", "is empty; a purchase amount is required");
                if (amount < 0)
                {
                    throw row.Error("amount", $"'{row["amount"]}' is negative; a purchase amount must be >= 0");
                }

                transactions.Add(new CustomerTransaction(id, date, amount));
            }
        }

        var result = new ReportSectionResult();
        if (transactions.Count == 0)
        {
            result.Notes.Add("transactions.csv has no rows.");
            return result;
        }

        DateOnly end = transactions.Max(t => t.Date);
        RfmRecord[] rfm = Library(source, () => RfmSummary.FromTransactions([.. transactions], end, new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks }));
        BgNbdModel purchases = Library(source, () => BgNbd.Fit(rfm));
        var options = new CustomerLifetimeValueOptions { Periods = 12, PeriodLength = 4.345, DiscountRate = 0.01 };
        double[] alive = new double[rfm.Length];
        double[] expected = new double[rfm.Length];
        purchases.ProbabilityAlive(rfm, alive);
        purchases.ConditionalExpectedPurchases(options.Periods * options.PeriodLength, rfm, expected);
        result.Data["observationEnd"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        result.Data["timeUnit"] = "weeks";
        result.Data["customers"] = rfm.Length;
        result.Data["purchaseModel"] = ClvCommand.FittedModel.Of("bgnbd", purchases).Describe();
        result.Data["meanProbabilityAlive"] = alive.Average();
        result.Data["expectedPurchasesNext12Months"] = expected.Sum();
        result.Notes.Add($"RFM in weeks up to {result.Data["observationEnd"]}, the latest transaction; CLV over 12 months of 4.345 weeks, discounted 1 % a month, margin 100 %.");

        var table = new JsonObject
        {
            ["customers"] = rfm.Length,
            ["r"] = purchases.R.Value,
            ["alpha"] = purchases.Alpha.Value,
            ["a"] = purchases.A.Value,
            ["b"] = purchases.B.Value,
            ["converged"] = purchases.Diagnostics?.Converged,
            ["meanPAlive"] = alive.Average(),
            ["purchasesNext12m"] = expected.Sum(),
        };

        if (!rfm.Any(r => r.Frequency > 0 && r.MonetaryValue > 0))
        {
            result.Data["spendModel"] = null;
            result.Data["clv"] = null;
            result.Notes.Add("no customer has a repeat purchase with spend, so the Gamma-Gamma spend model and CLV are skipped.");
            result.Tables.Add(new OutputDocument("Lifetime value (BG/NBD)", [], [table]));
            return result;
        }

        GammaGammaModel spend = Library(source, () => GammaGamma.Fit(rfm));
        double[] clv = new double[rfm.Length];
        Library(source, () =>
        {
            CustomerLifetimeValue.Calculate(purchases, spend, rfm, clv, options);
            return 0;
        });
        result.Data["spendModel"] = ClvCommand.FittedModel.Of(spend).Describe();
        double[] sorted = [.. clv.Order()];
        double p99 = Quantiles.Quantile(sorted, 0.99);
        double width = p99 > 0 ? p99 / Bins : 1;
        var counts = new double?[Bins];
        var labels = new string[Bins];
        for (int b = 0; b < Bins; b++)
        {
            counts[b] = 0;
            labels[b] = string.Create(CultureInfo.InvariantCulture, $"{b * width:0}–{(b + 1) * width:0}") + (b == Bins - 1 ? "+" : "");
        }

        foreach (double v in clv)
        {
            counts[Math.Clamp((int)(v / width), 0, Bins - 1)]++;
        }

        result.Data["clv"] = new JsonObject
        {
            ["total"] = clv.Sum(),
            ["mean"] = clv.Average(),
            ["median"] = Quantiles.Median(sorted),
            ["p90"] = Quantiles.Quantile(sorted, 0.9),
            ["p99"] = p99,
            ["histogram"] = new JsonArray([.. Enumerable.Range(0, Bins).Select(b => (JsonNode)new JsonObject { ["from"] = b * width, ["to"] = b == Bins - 1 ? null : (b + 1) * width, ["customers"] = counts[b] })]),
        };
        table["p"] = spend.P.Value;
        table["q"] = spend.Q.Value;
        table["v"] = spend.V.Value;
        table["meanClv"] = clv.Average();
        table["medianClv"] = Quantiles.Median(sorted);
        table["totalClv"] = clv.Sum();
        result.Tables.Add(new OutputDocument("Lifetime value (BG/NBD + Gamma-Gamma, 12-month CLV)", [], [table]));
        result.Charts.Add(new ReportChart("clv-histogram", "Distribution of 12-month CLV per customer",
            ChartJs.Histogram(labels, counts, "12-month discounted CLV (currency of the amounts)", ChartJs.Palette[3]),
            "The last bin holds every customer above the 99th percentile."));
        return result;
    }

    // A model that cannot be fitted to this file is bad data (exit 3), named by the file.
    private static T Library<T>(string source, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InputDataException($"{source}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}

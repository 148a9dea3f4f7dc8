using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>NPS, CSAT and CES overall and per month, each with its interval (nps.csv, csat.csv, ces.csv; any subset).</summary>
internal sealed class SurveySection : IReportSection
{
    public string Id => "surveys";

    public string Title => "Surveys: NPS, CSAT, CES";

    public string Requires => "nps.csv, csat.csv or ces.csv (columns score, optional weight and responded_at)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("nps.csv") || inputs.Has("csat.csv") || inputs.Has("ces.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        var result = new ReportSectionResult();
        var overallRows = new List<JsonObject>();
        var trends = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        Metric(inputs, result, overallRows, trends, "nps", "NPS", new NpsAccumulator(new NpsOptions { ConfidenceLevel = inputs.Confidence }),
            static a => Summary(a.ToResult()), "NPS (−100..100)", ChartJs.Palette[0], -100, 100);
        Metric(inputs, result, overallRows, trends, "csat", "CSAT", new CsatAccumulator(new CsatOptions { ConfidenceLevel = inputs.Confidence }),
            static a => Summary(a.ToResult()), "% satisfied (4–5 of 5)", ChartJs.Palette[3], 0, 100);
        Metric(inputs, result, overallRows, trends, "ces", "CES", new CesAccumulator(new CesOptions { ConfidenceLevel = inputs.Confidence }),
            static a => Summary(a.ToResult()), "mean effort score (1–7, higher is easier)", ChartJs.Palette[2], 1, 7);
        result.Tables.Insert(0, new OutputDocument("Survey KPIs (overall)", [], overallRows));
        if (trends.Count > 0)
        {
            result.Tables.Add(new OutputDocument("Survey KPIs by month", [], [.. trends.Select(t => SurveyReport.Keyed(t.Key, t.Value))]));
        }

        return result;
    }

    private static (long Count, double? Score, Interval? Interval) Summary(NpsResult r) => (r.Count, r.Score, r.ConfidenceInterval);

    private static (long Count, double? Score, Interval? Interval) Summary(CsatResult r) => (r.Count, r.Score, r.ConfidenceInterval);

    private static (long Count, double? Score, Interval? Interval) Summary(CesResult r) => (r.Count, r.Score, r.ConfidenceInterval);

    private static readonly string[] DateColumns = ["responded_at", "date", "created_at", "timestamp"];

    private static void Metric<TAccumulator>(
        ReportInputs inputs, ReportSectionResult result, List<JsonObject> overallRows, SortedDictionary<string, JsonObject> trends,
        string key, string name, TAccumulator template, Func<TAccumulator, (long Count, double? Score, Interval? Interval)> read,
        string yTitle, string color, double yMin, double yMax)
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        if (inputs.Find(key + ".csv") is not { } path)
        {
            result.Data[key] = null;
            result.Notes.Add($"{name}: no {key}.csv in the folder.");
            return;
        }

        TAccumulator overall = template.CreateEmpty();
        var months = new SegmentedAccumulator<string, TAccumulator>(template, StringComparer.Ordinal);
        string? dateColumn;
        using (TabularInput input = TabularInput.Open(path, inputs.Console.In))
        {
            input.RequireColumn("score");
            bool weighted = input.HasColumn("weight");
            dateColumn = DateColumns.FirstOrDefault(input.HasColumn);
            foreach (InputRow row in input.ReadRows())
            {
                int score = row.RequireInt("score");
                double weight = weighted ? row.OptionalDouble("weight") ?? 1 : 1;
                string? month = dateColumn is null ? null : ReportingPeriod.Month.Label(row.RequireTimestamp(dateColumn));
                try
                {
                    overall.Add(score, weight);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw row.Error(e.ParamName == "weight" ? "weight" : "score", $"'{row[e.ParamName == "weight" ? "weight" : "score"]}': {SurveyReport.LibraryMessage(e)}");
                }

                if (month is not null)
                {
                    months.Add(month, score, weight);
                }
            }
        }

        (long count, double? value, Interval? interval) = read(overall);
        overallRows.Add(new JsonObject { ["metric"] = name, ["count"] = count, ["score"] = value, ["lower"] = interval?.Lower, ["upper"] = interval?.Upper });
        var trend = new JsonArray();
        var labels = new List<string>();
        var values = new List<double?>();
        var lowers = new List<double?>();
        var uppers = new List<double?>();
        foreach (string month in months.Groups.Keys.Order(StringComparer.Ordinal))
        {
            (long n, double? v, Interval? i) = read(months.Groups[month]);
            trend.Add((JsonNode)new JsonObject { ["period"] = month, ["count"] = n, ["score"] = v, ["confidenceInterval"] = SurveyCommand.Describe(i) });
            labels.Add(month);
            values.Add(v);
            lowers.Add(i?.Lower);
            uppers.Add(i?.Upper);
            if (!trends.TryGetValue(month, out JsonObject? row))
            {
                trends[month] = row = [];
            }

            row[key] = v;
            row[key + "Count"] = n;
        }

        result.Data[key] = new JsonObject
        {
            ["count"] = count,
            ["score"] = value,
            ["confidenceInterval"] = SurveyCommand.Describe(interval),
            ["trend"] = trend,
        };
        if (labels.Count > 0)
        {
            result.Charts.Add(new ReportChart(key + "-trend", $"{name} by month", ChartJs.LineWithBand(labels, values, lowers, uppers, name, yTitle, color, yMin, yMax),
                $"Shaded band: {inputs.Confidence:P0} confidence interval per month; wide bands mean few responses."));
        }
        else
        {
            result.Notes.Add($"{name}: {key}.csv has no date column (responded_at), so there is no trend.");
        }
    }
}

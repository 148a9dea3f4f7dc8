using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// The conversation engagement signals and the composite engagement score (docs/metrics/engagement-signals.md): per
/// channel and overall, the distribution of customers' scores, the monthly trend with its slope test, and the
/// customers whose score fell by more than the alert threshold from one month to the next.
/// </summary>
internal sealed class EngagementScoreSection : IReportSection
{
    private const int Bins = 10;

    public string Id => "engagementScore";

    public string Title => "Conversations and engagement score";

    public string Requires => "messages.csv with conversation columns (conversation_id, customer_id, channel, direction, sent_at)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("messages.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        var result = new ReportSectionResult();
        var options = new ConversationOptions { ConfidenceLevel = inputs.Confidence };
        ConversationAccumulator acc;
        using (TabularInput input = TabularInput.Open(inputs.Find("messages.csv")!, inputs.Console.In))
        {
            string? missing = ConversationsCommand.RequiredColumns.FirstOrDefault(c => !input.HasColumn(c));
            if (missing is not null)
            {
                result.Notes.Add($"messages.csv has no '{missing}' column, so there are no conversation signals; it needs {string.Join(", ", ConversationsCommand.RequiredColumns)}.");
                return result;
            }

            ISentimentScorer? scorer = input.HasColumn("text") && !input.HasColumn("sentiment") ? new LexiconSentimentScorer() : null;
            acc = new ConversationAccumulator(options, scorer);
            foreach (InputRow row in input.ReadRows())
            {
                ConversationsCommand.Add(row, input, m => acc.Add(m));
            }
        }

        ConversationSummary summary = acc.ToResult();
        var rows = summary.Channels.Select(s => SurveyReport.Keyed(s.Key, ConversationsCommand.Values(s))).ToList();
        rows.Add(SurveyReport.Keyed("all", ConversationsCommand.Values(summary.Overall)));
        result.Data["asOf"] = summary.AsOf?.ToString("O", CultureInfo.InvariantCulture);
        result.Data["overall"] = ConversationsCommand.Values(summary.Overall);
        result.Data["channels"] = new JsonArray([.. rows.SkipLast(1).Select(r => (JsonNode)r.DeepClone())]);
        result.Tables.Add(new OutputDocument("Conversation signals by channel", [], rows));

        IReadOnlyList<CustomerEngagement> customers = acc.ToCustomerResults();
        AddDistribution(result, customers);
        AddTrend(result, acc.ToTrend(EngagementPeriod.Month));
        return result;
    }

    private static void AddDistribution(ReportSectionResult result, IReadOnlyList<CustomerEngagement> customers)
    {
        var counts = new double?[Bins];
        Array.Fill(counts, 0);
        int scored = 0;
        foreach (CustomerEngagement c in customers)
        {
            if (c.Signals.Score.Score is double score)
            {
                counts[Math.Min(Bins - 1, (int)(score / (100.0 / Bins)))]++;
                scored++;
            }
        }

        string[] labels = [.. Enumerable.Range(0, Bins).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 100 / Bins}–{(i + 1) * 100 / Bins}"))];
        int ignoring = customers.Count(c => c.IgnoresAChannel);
        result.Data["customers"] = customers.Count;
        result.Data["customersScored"] = scored;
        result.Data["customersIgnoringAChannel"] = ignoring;
        result.Data["scoreDistribution"] = new JsonArray([.. labels.Select((l, i) => (JsonNode)new JsonObject { ["bin"] = l, ["customers"] = counts[i] })]);
        result.Charts.Add(new ReportChart("distribution", "Engagement score of customers (0–100)",
            ChartJs.Histogram(labels, counts, "engagement score", ChartJs.Palette[0]),
            string.Create(CultureInfo.InvariantCulture, $"{scored} customers with a score; {ignoring} answer on one channel but ignore another.")));
    }

    private static void AddTrend(ReportSectionResult result, EngagementTrend trend)
    {
        string[] labels = [.. trend.Overall.Select(p => p.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture))];
        int alerts = trend.Customers.Sum(c => c.Alerts.Count);
        result.Data["monthlyScore"] = new JsonArray([.. trend.Overall.Select(p => (JsonNode)new JsonObject
        {
            ["month"] = p.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["conversations"] = p.Conversations,
            ["engagementScore"] = p.Score.Score,
        })]);
        result.Data["slopePerMonth"] = trend.OverallSlope.Slope;
        result.Data["slopePValue"] = trend.OverallSlope.PValue;
        result.Data["disengagementAlerts"] = alerts;
        result.Charts.Add(new ReportChart("trend", "Engagement score by month (all customers)",
            ChartJs.Lines(labels, "engagement score", 0, 100, ("engagement score", [.. trend.Overall.Select(p => p.Score.Score)], ChartJs.Palette[0], false)),
            string.Create(CultureInfo.InvariantCulture, $"Slope {trend.OverallSlope.Slope:0.##} points per month (p = {trend.OverallSlope.PValue:0.###}); {alerts} month-to-month drops of more than the alert threshold.")));
    }
}

using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// Sentiment of what customers write, by channel: the inbound messages of messages.csv (all rows when the file has no
/// <c>direction</c> column), scored by the default English/Spanish lexicon scorer.
/// </summary>
internal sealed class SentimentSection : IReportSection
{
    public string Id => "sentiment";

    public string Title => "Sentiment by channel";

    public string Requires => "messages.csv (columns channel, text, optional direction)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("messages.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        var options = new SentimentOptions { ConfidenceLevel = inputs.Confidence };
        var scorer = new LexiconSentimentScorer(options);
        var overall = new SentimentAccumulator(options);
        var byChannel = new SegmentedAccumulator<string, SentimentAccumulator>(overall, StringComparer.Ordinal);
        bool hasDirection;
        using (TabularInput input = TabularInput.Open(inputs.Find("messages.csv")!, inputs.Console.In))
        {
            input.RequireColumn("channel");
            input.RequireColumn("text");
            hasDirection = input.HasColumn("direction");
            foreach (InputRow row in input.ReadRows())
            {
                if (hasDirection)
                {
                    string direction = row.RequireText("direction");
                    if (direction.Equals("outbound", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (!direction.Equals("inbound", StringComparison.OrdinalIgnoreCase))
                    {
                        throw row.Error("direction", $"'{direction}' is not inbound or outbound (inbound = the customer wrote it)");
                    }
                }

                string channel = row.RequireText("channel");
                SentimentScore score = scorer.Score(row["text"] ?? string.Empty);
                overall.Add(score);
                byChannel.Add(channel, score, static (a, s) => a.Add(s));
            }
        }

        var result = new ReportSectionResult();
        var rows = new List<JsonObject>();
        var channels = new JsonArray();
        string[] labels = [.. byChannel.Groups.Keys.Order(StringComparer.Ordinal)];
        var summaries = labels.Select(l => byChannel.Groups[l].ToResult()).ToList();
        for (int i = 0; i < labels.Length; i++)
        {
            channels.Add((JsonNode)SurveyReport.Keyed(labels[i], SentimentCommand.Describe(summaries[i])));
            rows.Add(Row(labels[i], summaries[i]));
        }

        SentimentSummary total = overall.ToResult();
        rows.Add(Row("all", total));
        result.Data["scope"] = hasDirection ? "inbound messages" : "all messages";
        result.Data["overall"] = SentimentCommand.Describe(total);
        result.Data["channels"] = channels;
        result.Tables.Add(new OutputDocument(hasDirection ? "Sentiment of inbound messages by channel" : "Sentiment of messages by channel", [], rows));
        result.Charts.Add(new ReportChart("by-channel", "Net sentiment by channel (% positive − % negative)",
            ChartJs.Bars(labels, "net sentiment (points)", ("net sentiment", [.. summaries.Select(s => s.NetSentiment)], ChartJs.Palette[4]))));
        result.Charts.Add(new ReportChart("labels", "Positive, neutral and negative messages by channel",
            ChartJs.Bars(labels, "messages",
                ("positive", [.. summaries.Select(s => (double?)s.Positive)], ChartJs.Palette[3]),
                ("neutral", [.. summaries.Select(s => (double?)s.Neutral)], "#999999"),
                ("negative", [.. summaries.Select(s => (double?)s.Negative)], ChartJs.Palette[1]))));
        return result;
    }

    private static JsonObject Row(string channel, SentimentSummary s) => new()
    {
        ["channel"] = channel,
        ["messages"] = s.Count,
        ["meanCompound"] = s.MeanCompound,
        ["netSentiment"] = s.NetSentiment,
        ["lower"] = s.NetSentimentConfidenceInterval?.Lower,
        ["upper"] = s.NetSentimentConfidenceInterval?.Upper,
        ["positive"] = s.Positive,
        ["neutral"] = s.Neutral,
        ["negative"] = s.Negative,
    };
}

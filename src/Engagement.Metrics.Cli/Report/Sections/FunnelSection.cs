using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Campaigns;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>
/// The campaign funnel (docs/metrics/funnel.md): sent → delivered → opened → clicked → replied per channel, and
/// unsubscribe and reply rates by messages per customer per week with the Cochran–Armitage trend tests.
/// </summary>
internal sealed class FunnelSection : IReportSection
{
    public string Id => "funnel";

    public string Title => "Campaign funnel";

    public string Requires => "campaign_sends.csv (send_id, campaign_id, customer_id, channel, sent_at, delivered, opened, clicked, replied, unsubscribed)";

    public bool CanRun(ReportInputs inputs) => inputs.Has("campaign_sends.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        // Exports spanning months give rates well under one message a week, which the default edges (1, 2, 3, 4, 6 a
        // week, for campaign bursts) would put in one bucket; these edges spread customers over the range such exports show.
        var options = new FunnelOptions { ConfidenceLevel = inputs.Confidence, FrequencyEdges = [0.1, 0.2, 0.35, 0.5, 1, 2] };
        var overall = new FunnelAccumulator(options);
        var byChannel = new SegmentedAccumulator<string, FunnelAccumulator>(overall, StringComparer.Ordinal);
        var frequency = new SendFrequencyAccumulator(options);
        using (TabularInput input = TabularInput.Open(inputs.Find("campaign_sends.csv")!, inputs.Console.In))
        {
            foreach (string column in FunnelCommand.RequiredColumns)
            {
                input.RequireColumn(column);
            }

            foreach (InputRow row in input.ReadRows())
            {
                CampaignSend send = FunnelCommand.Read(row, options);
                overall.Add(send);
                frequency.Add(send);
                byChannel.Add(send.Channel, send, static (a, s) => a.Add(s));
            }
        }

        var result = new ReportSectionResult();
        string[] channels = [.. byChannel.Groups.Keys.Order(StringComparer.Ordinal)];
        FunnelResult[] funnels = [.. channels.Select(c => byChannel.Groups[c].ToResult())];
        result.Data["reach"] = "delivered";
        result.Data["overall"] = FunnelCommand.Describe(overall.ToResult());
        result.Data["channels"] = new JsonArray([.. channels.Select((c, i) => (JsonNode)SurveyReport.Keyed(c, FunnelCommand.Describe(funnels[i])))]);
        SendFrequencyResult frequencyResult = frequency.ToResult();
        result.Data["frequency"] = FunnelCommand.Describe(frequencyResult);
        var rows = channels.Select((c, i) => FunnelCommand.Row(c, funnels[i])).ToList();
        rows.Add(FunnelCommand.Row("all", overall.ToResult()));
        result.Tables.Add(new OutputDocument("Funnel by channel (rates of delivered; opens include implied opens and are inflated by privacy features)", [], rows));
        result.Tables.Add(new OutputDocument("Messages per customer per week: unsubscribe and reply rates", [], [.. frequencyResult.Buckets.Select(b => new JsonObject
        {
            ["key"] = $"{b.Label}/week",
            ["customers"] = b.Customers,
            ["sent"] = b.Sends,
            ["unsubscribeRate"] = b.UnsubscribeRate.Value,
            ["replyRate"] = b.ReplyRate.Value,
        })]));

        result.Charts.Add(new ReportChart("stages", "Funnel by channel: share of delivered messages reaching each stage",
            ChartJs.Bars(channels, "share of delivered",
                ("opened", [.. funnels.Select(f => f.OpenRate.Value)], ChartJs.Palette[0]),
                ("clicked", [.. funnels.Select(f => f.ClickRate.Value)], ChartJs.Palette[2]),
                ("replied", [.. funnels.Select(f => f.ReplyRate.Value)], ChartJs.Palette[3]),
                ("unsubscribed", [.. funnels.Select(f => f.UnsubscribeRate.Value)], ChartJs.Palette[1])),
            "Open rates are an upper bound: mail privacy features open messages nobody read. Clicks and replies are the safer signals."));
        string[] buckets = [.. frequencyResult.Buckets.Select(b => $"{b.Label}/week")];
        result.Charts.Add(new ReportChart("frequency", "Unsubscribe and reply rates by messages per customer per week",
            ChartJs.Bars(buckets, "rate",
                ("unsubscribe rate (customers)", [.. frequencyResult.Buckets.Select(b => b.UnsubscribeRate.Value)], ChartJs.Palette[1]),
                ("reply rate (messages)", [.. frequencyResult.Buckets.Select(b => b.ReplyRate.Value)], ChartJs.Palette[3])),
            string.Create(CultureInfo.InvariantCulture, $"Cochran–Armitage trend: unsubscribes z = {frequencyResult.UnsubscribeTrend.Statistic:0.##} (p = {frequencyResult.UnsubscribeTrend.PValue:0.####}), replies z = {frequencyResult.ReplyTrend.Statistic:0.##} (p = {frequencyResult.ReplyTrend.PValue:0.####}).")));
        return result;
    }
}

using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Social;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>Social engagement (by reach) overall and by network from social_posts.csv.</summary>
internal sealed class SocialSection : IReportSection
{
    public string Id => "social";

    public string Title => "Social engagement";

    public string Requires => "social_posts.csv";

    public bool CanRun(ReportInputs inputs) => inputs.Has("social_posts.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        SocialReport.Totals<SocialAccumulator> totals = Read(inputs, inputs.Find("social_posts.csv")!, "network");
        var result = new ReportSectionResult();
        var rows = new List<JsonObject>();
        var networks = new JsonArray();
        string[] labels = [.. totals.Groups.Groups.Keys.Order(StringComparer.Ordinal)];
        var results = labels.Select(l => totals.Groups.Groups[l].ToResult()).ToList();
        for (int i = 0; i < labels.Length; i++)
        {
            networks.Add((JsonNode)SurveyReport.Keyed(labels[i], SocialCommand.Describe(results[i], EngagementDenominator.Reach)));
            rows.Add(Row(labels[i], results[i]));
        }

        SocialResult overall = totals.Overall.ToResult();
        rows.Add(Row("all", overall));
        result.Data["denominator"] = "reach";
        result.Data["overall"] = SocialCommand.Describe(overall, EngagementDenominator.Reach);
        result.Data["networks"] = networks;
        result.Tables.Add(new OutputDocument("Social engagement by network (interactions / reach)", [], rows));
        result.Charts.Add(new ReportChart("rate", "Engagement rate by network (interactions / reach)",
            ChartJs.Bars(labels, "engagement rate (%)", ("engagement rate", [.. results.Select(r => r.ByReach.Rate * 100)], ChartJs.Palette[5]))));
        return result;
    }

    /// <summary>Reads posts with the <c>social</c> command's reader, optionally grouped by a column.</summary>
    internal static SocialReport.Totals<SocialAccumulator> Read(ReportInputs inputs, string path, string? by)
    {
        using TabularInput input = TabularInput.Open(path, inputs.Console.In);
        foreach (string column in new[] { "post_id", "network", "published_at", "likes", "comments", "shares" })
        {
            input.RequireColumn(column);
        }

        return SocialReport.Accumulate(
            input, inputs.Settings(path, by), new SocialAccumulator(SocialOptions.Default with { ConfidenceLevel = inputs.Confidence }), SocialCommand.ReadPost,
            static p => p.PublishedAt, static (a, p) => a.Add(p), SocialCommand.Column, inputs.Console);
    }

    private static JsonObject Row(string network, SocialResult r) => new()
    {
        ["network"] = network,
        ["posts"] = r.Posts,
        ["interactions"] = r.Interactions,
        ["engagementRate"] = r.ByReach.Rate,
        ["lower"] = r.ByReach.ConfidenceInterval?.Lower,
        ["upper"] = r.ByReach.ConfidenceInterval?.Upper,
        ["amplificationRate"] = r.AmplificationRate,
        ["pollParticipation"] = r.PollParticipation,
    };
}

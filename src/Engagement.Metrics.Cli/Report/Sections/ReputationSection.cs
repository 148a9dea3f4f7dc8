using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Commands;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.Cli.Report.Sections;

/// <summary>Reviews and the 0–1000 reputation score from reviews.csv (with social_posts.csv for the engagement component when present).</summary>
internal sealed class ReputationSection : IReportSection
{
    public string Id => "reputation";

    public string Title => "Reviews and reputation";

    public string Requires => "reviews.csv";

    public bool CanRun(ReportInputs inputs) => inputs.Has("reviews.csv");

    public ReportSectionResult Compute(ReportInputs inputs)
    {
        string path = inputs.Find("reviews.csv")!;
        SocialReport.Totals<ReviewAccumulator> reviews;
        using (TabularInput input = TabularInput.Open(path, inputs.Console.In))
        {
            foreach (string column in new[] { "review_id", "source", "rating", "published_at" })
            {
                input.RequireColumn(column);
            }

            reviews = SocialReport.Accumulate(
                input, inputs.Settings(path), new ReviewAccumulator(ReviewOptions.Default with { ConfidenceLevel = inputs.Confidence }), ReputationCommand.ReadReview,
                static r => r.PublishedAt, static (a, r) => a.Add(r), ReputationCommand.Column, inputs.Console);
        }

        var result = new ReportSectionResult();
        SocialResult? social = null;
        if (inputs.Find("social_posts.csv") is { } posts)
        {
            social = SocialSection.Read(inputs, posts, null).Overall.ToResult();
        }
        else
        {
            result.Notes.Add("no social_posts.csv: the reputation score's engagement component is left out and the other weights rescaled.");
        }

        ReviewResult total = reviews.Overall.ToResult();
        DateTimeOffset asOf = total.LatestPublishedAt ?? DateTimeOffset.UnixEpoch;
        JsonObject described = ReputationCommand.Describe(total, social, asOf);
        result.Data["asOf"] = asOf.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach ((string name, JsonNode? value) in described)
        {
            result.Data[name] = value?.DeepClone();
        }

        result.Notes.Add($"recency is measured at the newest review, {result.Data["asOf"]}.");
        result.Tables.Add(new OutputDocument("Reviews and reputation (score 0–1000)", [], [ReputationCommand.Row(described)]));
        if (described["components"] is JsonObject components)
        {
            string[] names = [.. components.Select(c => c.Key)];
            result.Charts.Add(new ReportChart("components", "Reputation score: points per component",
                ChartJs.Bars(names, "points", ("points", [.. components.Select(c => c.Value?["points"]?.GetValue<double?>())], ChartJs.Palette[6]))));
        }

        return result;
    }
}

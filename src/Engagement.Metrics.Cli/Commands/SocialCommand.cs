using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Social;

namespace Engagement.Metrics.Cli.Commands;

/// <summary><c>social</c>: engagement rates, weighted interactions and per-post rates from a file of posts, overall and by network, campaign or period.</summary>
internal static class SocialCommand
{
    private static readonly string[] RequiredColumns = ["post_id", "network", "published_at", "likes", "comments", "shares"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("social", "Social engagement: engagement rate by reach, impressions or followers, weighted interactions, amplification, conversation, applause, poll participation.");
        var common = new CommonOptions();
        common.AddTo(command);
        var denominator = new Option<string>("--denominator") { Description = "What the engagement rate divides by.", DefaultValueFactory = _ => "reach" };
        denominator.AcceptOnlyFromAmong("reach", "impressions", "followers");
        var weights = new Option<string?>("--weights") { Description = "Weights of like,comment,share,save in weighted interactions (default 1,2,3,2)." };
        command.Options.Add(denominator);
        command.Options.Add(weights);
        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            EngagementDenominator by = Enum.Parse<EngagementDenominator>(parsed.GetValue(denominator)!, ignoreCase: true);
            SocialOptions options = Options(parsed.GetValue(weights), settings.Confidence);
            using TabularInput input = TabularInput.Open(settings.Input, console.In);
            foreach (string column in RequiredColumns)
            {
                input.RequireColumn(column);
            }

            input.RequireColumn(by switch
            {
                EngagementDenominator.Reach => "reach",
                EngagementDenominator.Impressions => "impressions",
                _ => "followers",
            });
            SocialReport.Totals<SocialAccumulator> totals = SocialReport.Accumulate(
                input, settings, new SocialAccumulator(options), ReadPost, static p => p.PublishedAt,
                static (a, p) => a.Add(p), Column, console);
            OutputOptions.Write(Document(totals, by, settings), settings.Format, settings.Output, console);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static SocialPost ReadPost(InputRow row) =>
        new(row.RequireText("post_id"), row.RequireText("network"), row.RequireTimestamp("published_at"),
            row.OptionalLong("reach"), row.OptionalLong("impressions"), row.OptionalLong("followers"),
            row.RequireLong("likes"), row.RequireLong("comments"), row.RequireLong("shares"))
        {
            Campaign = string.IsNullOrWhiteSpace(row["campaign"]) ? null : row["campaign"]!.Trim(),
            Saves = row.OptionalLong("saves"),
            Clicks = row.OptionalLong("clicks"),
            PollVotes = row.OptionalLong("poll_votes"),
            PollReach = row.OptionalLong("poll_reach"),
        };

    internal static string Column(string field) => field switch
    {
        "PollVotes" => "poll_votes",
        "PollReach" => "poll_reach",
        _ => field.ToLowerInvariant(),
    };

    private static SocialOptions Options(string? weights, double confidence)
    {
        if (weights is null)
        {
            return SocialOptions.Default with { ConfidenceLevel = confidence };
        }

        string[] parts = weights.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"--weights '{weights}': '{parts[i]}' is not a number; give like,comment,share,save, for example 1,2,3,2.");
            }
        }

        if (values.Length != 4)
        {
            throw new UsageException($"--weights '{weights}' has {values.Length} numbers; give four: like,comment,share,save, for example 1,2,3,2.");
        }

        try
        {
            return new SocialOptions { LikeWeight = values[0], CommentWeight = values[1], ShareWeight = values[2], SaveWeight = values[3], ConfidenceLevel = confidence }.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
    }

    private static OutputDocument Document(SocialReport.Totals<SocialAccumulator> totals, EngagementDenominator by, CommonSettings settings)
    {
        JsonObject overall = Describe(totals.Overall.ToResult(), by);
        var document = new JsonObject { ["metric"] = "social", ["denominator"] = Name(by) };
        var rows = new List<JsonObject>();
        if (settings.By is not null || settings.Period is not null)
        {
            foreach (string key in totals.Groups.Groups.Keys.Order(StringComparer.Ordinal))
            {
                rows.Add(SurveyReport.Keyed(key, Describe(totals.Groups.Groups[key].ToResult(), by)));
            }

            document["groups"] = SocialReport.Array(rows);
            document["overall"] = overall.DeepClone();
            rows.Add(SurveyReport.Keyed("overall", overall));
        }
        else
        {
            SocialReport.Hoist(document, overall);

            rows.Add((JsonObject)document.DeepClone());
        }

        if (settings.SkipInvalid)
        {
            document["skippedRows"] = totals.Skipped;
        }

        return new OutputDocument($"Social engagement (by {Name(by)})", document, rows);
    }

    internal static JsonObject Describe(SocialResult r, EngagementDenominator by)
    {
        EngagementRate rate = r.Rate(by);
        return new JsonObject
        {
            ["posts"] = r.Posts,
            ["interactions"] = r.Interactions,
            ["weightedInteractions"] = r.WeightedInteractions,
            ["postsWithDenominator"] = rate.Posts,
            ["denominatorTotal"] = rate.Total,
            ["engagementRate"] = rate.Rate,
            ["weightedEngagementRate"] = rate.WeightedRate,
            ["confidenceInterval"] = SurveyCommand.Describe(rate.ConfidenceInterval),
            ["applauseRate"] = r.ApplauseRate,
            ["conversationRate"] = r.ConversationRate,
            ["sharesPerPost"] = r.SharesPerPost,
            ["amplificationRate"] = r.AmplificationRate,
            ["pollParticipation"] = r.PollParticipation,
        };
    }

    private static string Name(EngagementDenominator d) => d.ToString().ToLowerInvariant();
}

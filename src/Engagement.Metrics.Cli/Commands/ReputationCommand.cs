using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>reputation</c>: review metrics and the 0–1000 reputation score with each component's contribution, from a file
/// of reviews (and optionally a file of posts for the engagement component), overall and by source or period.
/// </summary>
internal static class ReputationCommand
{
    private static readonly string[] RequiredColumns = ["review_id", "source", "rating", "published_at"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("reputation", "Reviews and reputation: average and Bayesian rating, response rates and time, and a 0-1000 reputation score with each component's points.");
        var common = new CommonOptions();
        common.AddTo(command);
        var asOf = new Option<string?>("--as-of") { Description = "Date recency is measured at (default: the newest review; with --period, the end of each period if earlier)." };
        var posts = new Option<string?>("--posts") { Description = "A post CSV (as for 'social') for the engagement component; used overall and per period, not per --by segment." };
        var scaleMax = new Option<int>("--scale-max") { Description = "Top of the reporting scale; reviews with another scale_max are rescaled onto it.", DefaultValueFactory = _ => 5 };
        var negative = new Option<double>("--negative-threshold") { Description = "Highest rating (reporting scale) that counts as negative.", DefaultValueFactory = _ => 2 };
        var priorMean = new Option<double?>("--prior-mean") { Description = "Prior mean C of the Bayesian average (default: the scale midpoint)." };
        var priorWeight = new Option<double>("--prior-weight") { Description = "Pseudo-reviews m at the prior mean.", DefaultValueFactory = _ => 5 };
        foreach (Option option in new Option[] { asOf, posts, scaleMax, negative, priorMean, priorWeight })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            ReviewOptions options = LibraryOptions(() => new ReviewOptions
            {
                ScaleMaximum = parsed.GetValue(scaleMax),
                NegativeThreshold = parsed.GetValue(negative),
                PriorMean = parsed.GetValue(priorMean),
                PriorWeight = parsed.GetValue(priorWeight),
                ConfidenceLevel = settings.Confidence,
            }.Validate());
            DateTimeOffset? fixedAsOf = parsed.GetValue(asOf) is { } text ? ParseDate(text) : null;

            SocialReport.Totals<ReviewAccumulator> reviews;
            using (TabularInput input = TabularInput.Open(settings.Input, console.In))
            {
                foreach (string column in RequiredColumns)
                {
                    input.RequireColumn(column);
                }

                reviews = SocialReport.Accumulate(
                    input, settings, new ReviewAccumulator(options), ReadReview, static r => r.PublishedAt,
                    static (a, r) => a.Add(r), Column, console);
            }

            SocialReport.Totals<SocialAccumulator>? social = null;
            if (parsed.GetValue(posts) is { } postFile)
            {
                using TabularInput postInput = TabularInput.Open(postFile, console.In);
                social = SocialReport.Accumulate(
                    postInput, settings with { By = null }, new SocialAccumulator(), SocialCommand.ReadPost, static p => p.PublishedAt,
                    static (a, p) => a.Add(p), static f => f.ToLowerInvariant(), console);
            }

            DateTimeOffset anchor = fixedAsOf ?? reviews.Overall.ToResult().LatestPublishedAt ?? DateTimeOffset.UnixEpoch;
            OutputOptions.Write(Document(reviews, social, anchor, settings), settings.Format, settings.Output, console);
            return ExitCodes.Ok;
        });
        return command;
    }

    // Reviews with text but no sentiment column value are scored by the default lexicon scorer (English/Spanish).
    private static readonly LexiconSentimentScorer Scorer = new();

    internal static Review ReadReview(InputRow row) =>
        new Review(row.RequireText("review_id"), row.RequireText("source"), row.OptionalDouble("rating") ?? throw row.Error("rating", "is empty; a value is required"),
            row.OptionalLong("scale_max") is { } max ? (int)Math.Clamp(max, int.MinValue, int.MaxValue) : 5, row.RequireTimestamp("published_at"))
        {
            RespondedAt = row.OptionalTimestamp("responded_at"),
            Text = row["text"],
            Sentiment = row.OptionalDouble("sentiment"),
        }.WithSentiment(Scorer);

    internal static string Column(string field) => field switch
    {
        "ScaleMaximum" => "scale_max",
        "RespondedAt" => "responded_at",
        _ => field.ToLowerInvariant(),
    };

    private static OutputDocument Document(SocialReport.Totals<ReviewAccumulator> reviews, SocialReport.Totals<SocialAccumulator>? social, DateTimeOffset asOf, CommonSettings settings)
    {
        JsonObject overall = Describe(reviews.Overall.ToResult(), social?.Overall.ToResult(), asOf);
        var document = new JsonObject { ["metric"] = "reputation", ["asOf"] = asOf.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        var rows = new List<JsonObject>();
        if (settings.By is not null || settings.Period is not null)
        {
            var groups = new List<JsonObject>();
            foreach (string key in reviews.Groups.Groups.Keys.Order(StringComparer.Ordinal))
            {
                // Per period, recency is measured at the period's end (or --as-of, if earlier); engagement only when
                // the posts are split the same way (by period, not by a review column).
                DateTimeOffset groupAsOf = settings.Period is { } period && settings.By is null && PeriodEnd(period, key) is { } end && end < asOf ? end : asOf;
                SocialResult? groupSocial = settings.By is null && social is not null && social.Groups.Groups.TryGetValue(key, out SocialAccumulator? s) ? s.ToResult() : null;
                groups.Add(SurveyReport.Keyed(key, Describe(reviews.Groups.Groups[key].ToResult(), groupSocial, groupAsOf)));
            }

            document["groups"] = SocialReport.Array(groups);
            document["overall"] = overall.DeepClone();
            rows.AddRange(groups.Select(Row));
            rows.Add(Row(SurveyReport.Keyed("overall", overall)));
        }
        else
        {
            SocialReport.Hoist(document, overall);

            rows.Add(Row(document));
        }

        if (settings.SkipInvalid)
        {
            document["skippedRows"] = reviews.Skipped + (social?.Skipped ?? 0);
        }

        return new OutputDocument("Reviews and reputation", document, rows);
    }

    internal static JsonObject Describe(ReviewResult r, SocialResult? social, DateTimeOffset asOf)
    {
        ReputationScore score = ReputationScoring.Calculate(r, social, asOf);
        var components = new JsonObject();
        foreach (ReputationContribution c in score.Contributions)
        {
            components[Name(c.Component)] = new JsonObject { ["value"] = c.Value, ["weight"] = c.EffectiveWeight, ["points"] = c.Points };
        }

        return new JsonObject
        {
            ["reviews"] = r.Count,
            ["averageRating"] = r.AverageRating,
            ["bayesianAverage"] = r.BayesianAverage,
            ["responseRate"] = r.ResponseRate,
            ["negativeReviews"] = r.Negative,
            ["negativeResponseRate"] = r.NegativeResponseRate,
            ["medianResponseMinutes"] = r.MedianResponseMinutes,
            ["respondedWithinTarget"] = r.ShareRespondedWithinTarget,
            ["meanSentiment"] = r.MeanSentiment,
            ["score"] = score.Score,
            ["components"] = components,
        };
    }

    // Tables, CSV and JSON Lines show each component's points only; --format json keeps value, weight and points.
    internal static JsonObject Row(JsonObject described)
    {
        var row = (JsonObject)described.DeepClone();
        if (row["components"] is JsonObject components)
        {
            row.Remove("components");
            var points = new JsonObject();
            foreach ((string name, JsonNode? component) in components)
            {
                points[name] = component?["points"]?.DeepClone();
            }

            row["points"] = points;
        }

        return row;
    }

    private static string Name(ReputationComponent c) => JsonNamingPolicyCamel(c.ToString());

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateTimeOffset? PeriodEnd(ReportingPeriod period, string label)
    {
        DateTimeOffset start;
        switch (period)
        {
            case ReportingPeriod.Day when DateTimeOffset.TryParseExact(label, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start):
                return start.AddDays(1);
            case ReportingPeriod.Month when DateTimeOffset.TryParseExact(label, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start):
                return start.AddMonths(1);
            case ReportingPeriod.Week when label.Length == 8 && int.TryParse(label[..4], CultureInfo.InvariantCulture, out int year) && int.TryParse(label[6..], CultureInfo.InvariantCulture, out int week):
                return new DateTimeOffset(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday), TimeSpan.Zero).AddDays(7);
            case ReportingPeriod.Quarter when label.Length == 7 && int.TryParse(label[..4], CultureInfo.InvariantCulture, out int y) && int.TryParse(label[6..], CultureInfo.InvariantCulture, out int q):
                return new DateTimeOffset(y, ((q - 1) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(3);
            default:
                return null;
        }
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw new UsageException($"--as-of '{text}' is not a date; use ISO 8601, for example 2026-03-31.");

    private static T LibraryOptions<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
    }
}

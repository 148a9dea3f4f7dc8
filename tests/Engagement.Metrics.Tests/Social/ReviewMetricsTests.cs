using System.Text.Json;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Social.Reviews;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Social;

public class ReviewMetricsTests
{
    [Fact]
    public void A_scorer_fills_missing_sentiment_from_the_text_and_never_overwrites_a_supplied_one()
    {
        var scorer = new LexiconSentimentScorer();
        var published = new DateTimeOffset(2026, 1, 3, 21, 0, 0, TimeSpan.Zero);
        var happy = new Review("r1", "google", 5, 5, published) { Text = "Great service, thank you so much!" };
        var supplied = happy with { Sentiment = -0.2 };
        var silent = new Review("r3", "google", 4, 5, published);

        Assert.Equal(scorer.Score("Great service, thank you so much!").Compound, happy.WithSentiment(scorer).Sentiment);
        Assert.True(happy.WithSentiment(scorer).Sentiment > 0.5);
        Assert.Equal(-0.2, supplied.WithSentiment(scorer).Sentiment);
        Assert.Null(silent.WithSentiment(scorer).Sentiment);
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    // The six reviews of the worked example in docs/metrics/reviews.md.
    internal static Review[] DocReviews() =>
    [
        new("r1", "google", 5, 5, At(1, 10)) { RespondedAt = At(1, 10, 30), Sentiment = 0.8 },
        new("r2", "google", 4, 5, At(2, 9)) { RespondedAt = At(2, 12) },
        new("r3", "google", 1, 5, At(3, 8)) { Sentiment = -0.7 },
        new("r4", "trustpilot", 2, 5, At(5, 14)) { RespondedAt = At(5, 14, 45), Sentiment = -0.4 },
        new("r5", "trustpilot", 5, 5, At(8, 16)),
        new("r6", "appstore", 8, 10, At(10, 12)) { RespondedAt = At(11, 12) },
    ];

    [Fact]
    public void DocExample_Ratings()
    {
        ReviewResult r = ReviewMetrics.Calculate(DocReviews());

        Assert.Equal(6, r.Count);
        // 8 of 10 rescales to 1 + 7·4/9 = 4.111 on 1..5.
        Assert.Equal(21.111111, r.RatingSum, 6);
        Assert.Equal(3.518519, r.AverageRating!.Value, 6);
        Assert.Equal(3, r.PriorMean);
        Assert.Equal(3.282828, r.BayesianAverage!.Value, 6);
        Assert.Equal([1L, 1, 0, 2, 2], r.Distribution);
    }

    [Fact]
    public void DocExample_Responses_And_Sentiment()
    {
        ReviewResult r = ReviewMetrics.Calculate(DocReviews());

        Assert.Equal(4.0 / 6, r.ResponseRate!.Value, 12);
        Assert.Equal(2, r.Negative);
        Assert.Equal(0.5, r.NegativeResponseRate);
        Assert.Equal(112.5, r.MedianResponseMinutes);   // waits 30, 45, 180, 1440 minutes
        Assert.Equal(0.5, r.ShareRespondedWithinTarget);
        Assert.Equal(-0.1, r.MeanSentiment!.Value, 12);
        Assert.Equal(At(10, 12), r.LatestPublishedAt);
    }

    [Fact]
    public void AverageRatingInterval_IsStudentT()
    {
        // mean 3.5185185, sample sd 1.6505393, t(0.975, 5) = 2.5705818 → half-width 1.7321347
        // (mpmath at 30 digits, t quantile by root-finding on the regularised incomplete beta).
        var ci = ReviewMetrics.Calculate(DocReviews()).AverageRatingInterval!.Value;
        Assert.Equal(1.786384, ci.Lower, 6);
        Assert.Equal(5.250653, ci.Upper, 6);
    }

    [Fact]
    public void BayesianAverage_ShrinksSmallCountsTowardsThePrior()
    {
        Review[] one = [new("only", "google", 5, 5, At(1, 1))];
        var options = new ReviewOptions { PriorMean = 4.2, PriorWeight = 10 };

        ReviewResult r = ReviewMetrics.Calculate(one, options);

        Assert.Equal(5, r.AverageRating);
        Assert.Equal((5 + (10 * 4.2)) / 11, r.BayesianAverage!.Value, 12);
        Assert.Equal(5, ReviewMetrics.Calculate(one, options with { PriorWeight = 0 }).BayesianAverage);
    }

    [Fact]
    public void Accumulator_MedianFromSketch_IsWithinItsAccuracy()
    {
        var acc = new ReviewAccumulator();
        acc.AddRange(DocReviews());
        double sketch = acc.ToResult().MedianResponseMinutes!.Value;

        // The sketch answers with a stored value (45 or 180 here) within 1 % of it, not the interpolated 112.5.
        Assert.True(Math.Abs(sketch - 45) <= 0.45 || Math.Abs(sketch - 180) <= 1.8, sketch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ReviewResult exact = ReviewMetrics.Calculate(DocReviews());
        Assert.Equal(exact.ResponseRate, acc.ToResult().ResponseRate);
        Assert.Equal(exact.Distribution, acc.ToResult().Distribution);
    }

    [Fact]
    public void Empty_HasNoValues()
    {
        ReviewResult r = ReviewMetrics.Calculate([]);
        Assert.False(r.HasValue);
        Assert.Null(r.AverageRating);
        Assert.Null(r.BayesianAverage);
        Assert.Null(r.ResponseRate);
        Assert.Null(r.NegativeResponseRate);
        Assert.Null(r.MedianResponseMinutes);
        Assert.Null(r.MeanSentiment);
        Assert.Null(r.LatestPublishedAt);
        Assert.Null(new ReviewAccumulator().ToResult().MedianResponseMinutes);
    }

    [Theory]
    [InlineData(0.0, 5, 0, "Rating is 0")]
    [InlineData(6.0, 5, 0, "Rating is 6")]
    [InlineData(double.NaN, 5, 0, "Rating is NaN")]
    [InlineData(3.0, 1, 0, "ScaleMaximum is 1")]
    [InlineData(3.0, 5, -30, "RespondedAt")]
    public void BadReview_ThrowsNamingIdFieldAndValue(double rating, int scale, int respondMinutes, string expected)
    {
        Review bad = new("bad-9", "google", rating, scale, At(4, 12)) { RespondedAt = respondMinutes == 0 ? null : At(4, 12).AddMinutes(respondMinutes) };
        Review[] reviews = [.. DocReviews(), bad];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReviewMetrics.Calculate(reviews));
        Assert.Contains("reviews[6]", e.Message, StringComparison.Ordinal);
        Assert.Contains("'bad-9'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SentimentOffScale_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewAccumulator().Add(DocReviews()[0].WithSentiment(1.5)));
        Assert.Contains("Sentiment is 1.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedBatch_LeavesAccumulatorUntouched()
    {
        var acc = new ReviewAccumulator();
        acc.AddRange(DocReviews().AsSpan(0, 3));
        string before = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.ReviewAccumulator);
        Review[] batch = [DocReviews()[3], new("bad", "x", 9, 5, At(1, 1))];

        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(batch));
        Assert.Equal(before, JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.ReviewAccumulator));
    }

    [Fact]
    public void Options_AreValidated()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReviewOptions { ScaleMaximum = 1, PriorWeight = -1 }.Validate());
        Assert.Contains("ScaleMaximum", e.Message, StringComparison.Ordinal);
        Assert.Contains("PriorWeight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_RoundTripsThroughJson_AndKeepsMerging()
    {
        var acc = new ReviewAccumulator();
        acc.AddRange(DocReviews().AsSpan(0, 4));
        string json = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.ReviewAccumulator);
        ReviewAccumulator back = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.ReviewAccumulator)!;
        back.AddRange(DocReviews().AsSpan(4));

        var whole = new ReviewAccumulator();
        whole.AddRange(DocReviews());
        Assert.Equal(whole.ToResult(), back.ToResult());
    }

    [Property]
    public bool Shares_AreInUnitInterval_AndAveragesOnScale(int[] raw)
    {
        ReviewResult r = ReviewMetrics.Calculate(Generate(raw));
        return r.ResponseRate is null or (>= 0 and <= 1) && r.NegativeResponseRate is null or (>= 0 and <= 1) &&
               r.ShareRespondedWithinTarget is null or (>= 0 and <= 1) && r.NegativeShare is null or (>= 0 and <= 1) &&
               r.AverageRating is null or (>= 1 and <= 5) && r.BayesianAverage is null or (>= 1 and <= 5) &&
               r.MeanSentiment is null or (>= -1 and <= 1) && r.Distribution.Sum() == r.Count;
    }

    [Property]
    public bool BayesianAverage_LiesBetweenPriorAndMean(int[] raw)
    {
        ReviewResult r = ReviewMetrics.Calculate(Generate(raw));
        if (!r.HasValue)
        {
            return true;
        }

        double lo = Math.Min(r.PriorMean, r.AverageRating!.Value) - 1e-12, hi = Math.Max(r.PriorMean, r.AverageRating.Value) + 1e-12;
        return r.BayesianAverage >= lo && r.BayesianAverage <= hi;
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int[] raw, int cut)
    {
        Review[] reviews = Generate(raw);
        int at = reviews.Length == 0 ? 0 : Math.Abs(cut % (reviews.Length + 1));
        var left = new ReviewAccumulator();
        var right = new ReviewAccumulator();
        left.AddRange(reviews.AsSpan(0, at));
        right.AddRange(reviews.AsSpan(at));
        left.Merge(right);
        var whole = new ReviewAccumulator();
        whole.AddRange(reviews);
        ReviewResult m = left.ToResult(), w = whole.ToResult();
        // Integer-valued ratings and sentiments in steps of 1/8 make every sum exact, so equality is exact.
        return m == w;
    }

    [Property]
    public bool PermutationInvariant(int[] raw, int seed)
    {
        Review[] reviews = Generate(raw);
        Review[] shuffled = [.. reviews];
        new Random(seed).Shuffle(shuffled);
        return ReviewMetrics.Calculate(reviews) == ReviewMetrics.Calculate(shuffled);
    }

    [Property]
    public bool Segments_MergeIntoOverall(int[] raw)
    {
        Review[] reviews = Generate(raw);
        var bySource = new SegmentedAccumulator<string, ReviewAccumulator>(new ReviewAccumulator());
        foreach (Review r in reviews)
        {
            bySource.Add(r.Source, r);
        }

        var whole = new ReviewAccumulator();
        whole.AddRange(reviews);
        return bySource.ToOverall().ToResult() == whole.ToResult();
    }

    internal static Review[] Generate(int[] raw)
    {
        string[] sources = ["google", "trustpilot", "appstore"];
        var reviews = new Review[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            int v = (int)(Math.Abs((long)raw[i]) % 100_000);
            DateTimeOffset published = At(1, 0).AddMinutes(v % 40_000);
            reviews[i] = new Review($"r{i}", sources[i % 3], 1 + (v % 5), 5, published)
            {
                RespondedAt = v % 3 == 0 ? null : published.AddMinutes(v % 2_000),
                Sentiment = v % 4 == 0 ? null : ((v % 17) - 8) / 8.0,
            };
        }

        return reviews;
    }
}

using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Social;

public class ReputationScoringTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DocExample_ScoreAndContributions()
    {
        ReviewResult reviews = ReviewMetrics.Calculate(ReviewMetricsTests.DocReviews());
        SocialResult social = SocialEngagement.Calculate(SocialEngagementTests.DocPosts());

        ReputationScore s = ReputationScoring.Calculate(reviews, social, AsOf);

        // Values and points from docs/metrics/reputation.md (computed independently with python).
        Assert.Equal(617.63, s.Score!.Value, 2);
        Assert.Equal(199.75, s.Contribution(ReputationComponent.Rating).Points!.Value, 2);
        Assert.Equal(0.42164, s.Contribution(ReputationComponent.Volume).Value!.Value, 5);
        Assert.Equal(62.27, s.Contribution(ReputationComponent.Recency).Points!.Value, 2);
        Assert.Equal(100.00, s.Contribution(ReputationComponent.ResponseRate).Points!.Value, 2);
        Assert.Equal(47.36, s.Contribution(ReputationComponent.ResponseSpeed).Points!.Value, 2);
        Assert.Equal(45.00, s.Contribution(ReputationComponent.Sentiment).Points!.Value, 2);
        Assert.Equal(1.0, s.Contribution(ReputationComponent.Engagement).Value);
    }

    [Fact]
    public void DocExample_WithoutSocial_RescalesTheOtherWeights()
    {
        ReviewResult reviews = ReviewMetrics.Calculate(ReviewMetricsTests.DocReviews());

        ReputationScore s = ReputationScoring.Calculate(reviews, null, AsOf);

        Assert.Null(s.Contribution(ReputationComponent.Engagement).Value);
        Assert.Null(s.Contribution(ReputationComponent.Engagement).Points);
        Assert.Equal(0.35 / 0.9, s.Contribution(ReputationComponent.Rating).EffectiveWeight, 12);
        Assert.Equal(575.14, s.Score!.Value, 2);
    }

    [Fact]
    public void DocExample_Compare_ExplainsTheMove()
    {
        ReviewResult reviews = ReviewMetrics.Calculate(ReviewMetricsTests.DocReviews());
        ReputationScore before = ReputationScoring.Calculate(reviews, null, AsOf);
        ReputationScore after = ReputationScoring.Calculate(reviews, SocialEngagement.Calculate(SocialEngagementTests.DocPosts()), AsOf);

        ReputationChange change = ReputationScoring.Compare(before, after);

        Assert.Equal(42.49, change.ScoreChange!.Value, 2);
        Assert.Equal(100, change.Components.Single(c => c.Component == ReputationComponent.Engagement).PointsChange!.Value, 9);
        Assert.Equal(change.ScoreChange!.Value, change.Components.Sum(c => c.PointsChange ?? 0), 9);
    }

    [Fact]
    public void NoReviews_NoScore()
    {
        ReputationScore s = ReputationScoring.Calculate(ReviewMetrics.Calculate([]), SocialEngagement.Calculate(SocialEngagementTests.DocPosts()), AsOf);
        Assert.False(s.HasValue);
        Assert.Null(s.Score);
        Assert.All(s.Contributions, c => Assert.Null(c.Points));
    }

    [Fact]
    public void Options_AreValidated()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReputationOptions
        {
            RatingWeight = 0, VolumeWeight = 0, RecencyWeight = 0, ResponseRateWeight = 0, ResponseSpeedWeight = 0, SentimentWeight = 0, EngagementWeight = -1,
        }.Validate());
        Assert.Contains("EngagementWeight", e.Message, StringComparison.Ordinal);
        Assert.Contains("sum", e.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Score_InRange_AndContributionsSumToIt(int[] rawReviews, int[] rawPosts, int days)
    {
        ReviewResult reviews = ReviewMetrics.Calculate(ReviewMetricsTests.Generate(rawReviews));
        SocialResult social = SocialEngagement.Calculate(SocialEngagementTests.Generate(rawPosts));
        ReputationScore s = ReputationScoring.Calculate(reviews, social, AsOf.AddDays(days % 400));
        if (!s.HasValue)
        {
            return !reviews.HasValue;
        }

        double sum = s.Contributions.Sum(c => c.Points ?? 0);
        return s.Score >= 0 && s.Score <= 1000 && Math.Abs(sum - s.Score!.Value) < 1e-9 &&
               s.Contributions.All(c => c.Value is null or (>= 0 and <= 1));
    }

    [Property]
    public bool Compare_PointsChangesSumToScoreChange(int[] a, int[] b)
    {
        ReputationScore before = ReputationScoring.Calculate(ReviewMetrics.Calculate(ReviewMetricsTests.Generate(a)), null, AsOf);
        ReputationScore after = ReputationScoring.Calculate(ReviewMetrics.Calculate(ReviewMetricsTests.Generate(b)), SocialEngagement.Calculate(SocialEngagementTests.Generate(b)), AsOf);
        ReputationChange change = ReputationScoring.Compare(before, after);
        return change.ScoreChange is not { } d || Math.Abs(d - change.Components.Sum(c => c.PointsChange ?? 0)) < 1e-9;
    }

    [Property]
    public bool MoreRecentReviews_NeverLowerRecency(int[] raw, byte extraDays)
    {
        ReviewResult reviews = ReviewMetrics.Calculate(ReviewMetricsTests.Generate(raw));
        double? now = ReputationScoring.Calculate(reviews, null, AsOf).Contribution(ReputationComponent.Recency).Value;
        double? later = ReputationScoring.Calculate(reviews, null, AsOf.AddDays(extraDays)).Contribution(ReputationComponent.Recency).Value;
        return now is null ? later is null : later <= now;
    }
}

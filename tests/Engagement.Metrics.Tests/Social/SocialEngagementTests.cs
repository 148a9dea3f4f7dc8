using System.Text.Json;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Social;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Social;

public class SocialEngagementTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // The four posts of the worked example in docs/metrics/social-engagement.md.
    internal static SocialPost[] DocPosts() =>
    [
        new("p1", "instagram", March, reach: 2000, impressions: 2600, followers: 10000, likes: 120, comments: 18, shares: 6) { Campaign = "spring", Saves = 10 },
        new("p2", "instagram", March.AddDays(3), reach: 1500, impressions: 1900, followers: 10000, likes: 60, comments: 4, shares: 2) { Campaign = "spring" },
        new("p3", "linkedin", March.AddDays(1), reach: 800, impressions: 1200, followers: 4000, likes: 30, comments: 6, shares: 8) { Campaign = "launch" },
        new("p4", "linkedin", March.AddDays(8), reach: null, impressions: 900, followers: 4000, likes: 12, comments: 1, shares: 1) { Campaign = "launch", PollVotes = 45, PollReach = 600 },
    ];

    [Fact]
    public void DocExample_Totals_And_PerPostRates()
    {
        SocialResult r = SocialEngagement.Calculate(DocPosts());

        Assert.Equal(4, r.Posts);
        Assert.Equal(278, r.Interactions);
        Assert.Equal(351, r.WeightedInteractions);
        Assert.Equal(55.5, r.ApplauseRate);
        Assert.Equal(7.25, r.ConversationRate);
        Assert.Equal(4.25, r.SharesPerPost);
        Assert.Equal(0.075, r.PollParticipation);
    }

    [Fact]
    public void DocExample_EachRateNamesItsDenominatorAndItsOwnPosts()
    {
        SocialResult r = SocialEngagement.Calculate(DocPosts());

        // p4 reports no reach, so the rate by reach covers p1..p3 only: 264 / 4300.
        Assert.Equal(EngagementDenominator.Reach, r.ByReach.Denominator);
        Assert.Equal(3, r.ByReach.Posts);
        Assert.Equal(264, r.ByReach.Interactions);
        Assert.Equal(4300, r.ByReach.Total);
        Assert.Equal(0.061395, r.ByReach.Rate!.Value, 6);
        Assert.Equal(334.0 / 4300, r.ByReach.WeightedRate!.Value, 12);
        Assert.Equal(0.042121, r.ByImpressions.Rate!.Value, 6);
        Assert.Equal(0.009929, r.ByFollowers.Rate!.Value, 6);
        Assert.Equal(0.000607, r.AmplificationRate!.Value, 6);
        Assert.Equal(r.ByImpressions, r.Rate(EngagementDenominator.Impressions));
    }

    [Fact]
    public void DocExample_RateByReach_HasTheWilsonInterval()
    {
        Interval ci = SocialEngagement.Calculate(DocPosts()).ByReach.ConfidenceInterval!.Value;

        // Wilson 95% for 264 of 4300, computed independently with python (z = 1.959963984540054).
        Assert.Equal(0.054604, ci.Lower, 6);
        Assert.Equal(0.068969, ci.Upper, 6);
    }

    [Fact]
    public void DocExample_CampaignComparison()
    {
        var byCampaign = new SegmentedAccumulator<string, SocialAccumulator>(new SocialAccumulator());
        foreach (SocialPost post in DocPosts())
        {
            byCampaign.Add(post.Campaign!, post);
        }

        Comparison c = SocialEngagement.Compare(
            byCampaign.Groups["spring"].ToResult(), byCampaign.Groups["launch"].ToResult(), EngagementDenominator.Impressions);

        // 220/4500 − 58/2100 with SE √(p₁q₁/n₁ + p₂q₂/n₂); reference values from python.
        Assert.Equal(0.021270, c.Difference!.Value, 6);
        Assert.Equal(0.004809, c.StandardError!.Value, 6);
        Assert.Equal(0.011845, c.ConfidenceInterval!.Value.Lower, 6);
        Assert.Equal(0.030694, c.ConfidenceInterval!.Value.Upper, 6);
    }

    [Fact]
    public void Compare_DifferentDenominators_Throws()
    {
        SocialResult r = SocialEngagement.Calculate(DocPosts());
        Assert.Throws<ArgumentException>(() => SocialEngagement.Compare(r.ByReach, r.ByFollowers));
    }

    [Fact]
    public void Empty_HasNoValues_NeverZero()
    {
        SocialResult r = SocialEngagement.Calculate([]);

        Assert.False(r.HasValue);
        Assert.Null(r.ApplauseRate);
        Assert.Null(r.ByReach.Rate);
        Assert.Null(r.ByReach.ConfidenceInterval);
        Assert.Null(r.AmplificationRate);
        Assert.Null(r.PollParticipation);
        Assert.False(SocialEngagement.Compare(r, r, EngagementDenominator.Reach).HasValue);
    }

    [Fact]
    public void InteractionsAboveReach_HaveARateButNoBinomialInterval()
    {
        SocialResult r = SocialEngagement.Calculate([new SocialPost("viral", "x", March, 10, 20, 5, 30, 0, 0)]);

        Assert.Equal(3, r.ByReach.Rate);
        Assert.Null(r.ByReach.ConfidenceInterval);
        Assert.Null(r.ByReach.StandardError);
    }

    [Fact]
    public void Weights_AreConfigurable()
    {
        var ones = new SocialOptions { CommentWeight = 1, ShareWeight = 1, SaveWeight = 1 };
        SocialResult r = SocialEngagement.Calculate(DocPosts(), ones);
        Assert.Equal(r.Interactions, r.WeightedInteractions);
    }

    [Theory]
    [InlineData("Likes", -1, 0, 0, 100L, 100L)]
    [InlineData("Comments", 0, -4, 0, 100L, 100L)]
    [InlineData("Shares", 0, 0, -2, 100L, 100L)]
    [InlineData("Reach", 0, 0, 0, 500L, 400L)]
    public void BadPost_ThrowsNamingIdFieldAndValue(string field, long likes, long comments, long shares, long reach, long impressions)
    {
        SocialPost[] posts = [.. DocPosts(), new SocialPost("bad-7", "x", March, reach, impressions, 10, likes, comments, shares)];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SocialEngagement.Calculate(posts));
        Assert.Contains("posts[4]", e.Message, StringComparison.Ordinal);
        Assert.Contains("'bad-7'", e.Message, StringComparison.Ordinal);
        Assert.Contains(field + " is", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PollVotesAbovePollReach_Throws()
    {
        var post = new SocialPost("poll-1", "x", March, 100, 100, 10, 0, 0, 0) { PollVotes = 101 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SocialAccumulator().Add(post));
        Assert.Contains("PollVotes is 101", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedBatch_LeavesAccumulatorUntouched()
    {
        var acc = new SocialAccumulator();
        acc.AddRange(DocPosts().AsSpan(0, 2));
        SocialResult before = acc.ToResult();
        SocialPost[] batch = [DocPosts()[2], new SocialPost("neg", "x", March, 1, 1, 1, 0, -1, 0)];

        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(batch));
        Assert.Equal(before, acc.ToResult());
    }

    [Fact]
    public void BadPost_InSegments_CreatesNoSegment()
    {
        var segments = new SegmentedAccumulator<string, SocialAccumulator>(new SocialAccumulator());
        Assert.Throws<ArgumentOutOfRangeException>(() => segments.Add("x", new SocialPost("neg", "x", March, 1, 1, 1, -1, 0, 0)));
        Assert.Empty(segments.Groups);
    }

    [Fact]
    public void Merge_WithDifferentOptions_Throws()
    {
        var a = new SocialAccumulator();
        var b = new SocialAccumulator(new SocialOptions { ShareWeight = 5 });
        Assert.Throws<ArgumentException>(() => a.Merge(b));
    }

    [Fact]
    public void Options_RejectNegativeWeights_ListingEvery()
    {
        var e = Assert.Throws<ArgumentException>(() => new SocialOptions { LikeWeight = -1, ShareWeight = double.NaN }.Validate());
        Assert.Contains("LikeWeight", e.Message, StringComparison.Ordinal);
        Assert.Contains("ShareWeight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accumulator_RoundTripsThroughJson_AndKeepsMerging()
    {
        var acc = new SocialAccumulator();
        acc.AddRange(DocPosts().AsSpan(0, 3));
        string json = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.SocialAccumulator);
        SocialAccumulator back = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.SocialAccumulator)!;
        back.Add(DocPosts()[3]);

        Assert.Equal(SocialEngagement.Calculate(DocPosts()), back.ToResult());
    }

    [Property]
    public bool Rates_AreNonNegative_AndPollShareInUnitInterval(int[] raw)
    {
        SocialResult r = SocialEngagement.Calculate(Generate(raw));
        return r.ByReach.Rate is null or >= 0 && r.ByImpressions.Rate is null or >= 0 && r.ByFollowers.Rate is null or >= 0 &&
               r.ByReach.WeightedRate is null or >= 0 && r.AmplificationRate is null or >= 0 &&
               r.PollParticipation is null or (>= 0 and <= 1) && r.ApplauseRate is null or >= 0;
    }

    [Property]
    public bool Interval_ContainsRate_WhenAProportion(int[] raw)
    {
        EngagementRate rate = SocialEngagement.Calculate(Generate(raw)).ByImpressions;
        return rate.ConfidenceInterval is not { } ci || ci.Contains(rate.Rate!.Value);
    }

    [Property]
    public bool MergeOfSplit_EqualsWhole(int[] raw, int cut)
    {
        SocialPost[] posts = Generate(raw);
        int at = posts.Length == 0 ? 0 : Math.Abs(cut % (posts.Length + 1));
        var left = new SocialAccumulator();
        var right = new SocialAccumulator();
        left.AddRange(posts.AsSpan(0, at));
        right.AddRange(posts.AsSpan(at));
        left.Merge(right);
        return left.ToResult() == SocialEngagement.Calculate(posts);
    }

    [Property]
    public bool PermutationInvariant(int[] raw, int seed)
    {
        SocialPost[] posts = Generate(raw);
        SocialPost[] shuffled = [.. posts];
        new Random(seed).Shuffle(shuffled);
        return SocialEngagement.Calculate(posts) == SocialEngagement.Calculate(shuffled);
    }

    [Property]
    public bool Segments_MergeIntoOverall(int[] raw)
    {
        SocialPost[] posts = Generate(raw);
        var byNetwork = new SegmentedAccumulator<string, SocialAccumulator>(new SocialAccumulator());
        foreach (SocialPost p in posts)
        {
            byNetwork.Add(p.Network, p);
        }

        return byNetwork.ToOverall().ToResult() == SocialEngagement.Calculate(posts);
    }

    // Valid posts from arbitrary integers: every third post lacks reach, every fourth has a poll.
    internal static SocialPost[] Generate(int[] raw)
    {
        string[] networks = ["instagram", "linkedin", "tiktok"];
        var posts = new SocialPost[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            long v = Math.Abs((long)raw[i]);
            long likes = v % 97, comments = v % 13, shares = v % 7;
            long reach = (v % 5000) + 1;
            long impressions = reach + (v % 300);
            posts[i] = new SocialPost($"p{i}", networks[i % 3], March.AddHours(i), i % 3 == 2 ? null : reach, impressions, (v % 20000) + 10, likes, comments, shares)
            {
                Saves = i % 2 == 0 ? v % 5 : null,
                PollVotes = i % 4 == 0 ? v % 11 : null,
                PollReach = i % 4 == 0 ? 11 + (v % 50) : null,
            };
        }

        return posts;
    }
}

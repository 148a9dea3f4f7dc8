using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Social;

/// <summary>
/// Social engagement over a set of posts (a post, a campaign, a network, a period): totals, the three engagement
/// rates, per-post rates and poll participation.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ApplauseRate = likes / posts</c>, <c>ConversationRate = comments / posts</c>, <c>SharesPerPost = shares / posts</c>
/// (the names follow Avinash Kaushik's "conversation, amplification, applause" social metrics);</item>
/// <item><c>AmplificationRate = shares / followers</c> over the posts that report followers;</item>
/// <item><c>PollParticipation = poll votes / poll reach</c> over posts with a poll (poll reach defaults to the post's reach), in [0, 1], with a Wilson interval;</item>
/// <item>engagement rates by reach, impressions and followers: see <see cref="EngagementRate"/>.</item>
/// </list>
/// Every rate is null, never 0, when its denominator is 0.
/// </remarks>
public readonly struct SocialResult : IEquatable<SocialResult>
{
    /// <summary>Creates a result from its totals (also the JSON constructor).</summary>
    /// <param name="posts">The number of posts.</param>
    /// <param name="likes">Σ likes.</param>
    /// <param name="comments">Σ comments.</param>
    /// <param name="shares">Σ shares.</param>
    /// <param name="saves">Σ saves (posts without saves count 0).</param>
    /// <param name="clicks">Σ clicks (posts without clicks count 0).</param>
    /// <param name="weightedInteractions">Σ weighted interactions.</param>
    /// <param name="byReach">The engagement rate by reach.</param>
    /// <param name="byImpressions">The engagement rate by impressions.</param>
    /// <param name="byFollowers">The engagement rate by followers.</param>
    /// <param name="pollPosts">Posts with a poll and a poll reach.</param>
    /// <param name="pollVotes">Σ poll votes over those posts.</param>
    /// <param name="pollReach">Σ poll reach over those posts.</param>
    /// <param name="confidenceLevel">The level of the intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException">A total is negative, a rate names the wrong denominator, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public SocialResult(
        long posts, long likes, long comments, long shares, long saves, long clicks, double weightedInteractions,
        EngagementRate byReach, EngagementRate byImpressions, EngagementRate byFollowers,
        long pollPosts, long pollVotes, long pollReach, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(likes);
        ArgumentOutOfRangeException.ThrowIfNegative(comments);
        ArgumentOutOfRangeException.ThrowIfNegative(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(saves);
        ArgumentOutOfRangeException.ThrowIfNegative(clicks);
        ArgumentOutOfRangeException.ThrowIfNegative(pollPosts);
        ArgumentOutOfRangeException.ThrowIfNegative(pollVotes);
        ArgumentOutOfRangeException.ThrowIfNegative(pollReach);
        RequireDenominator(byReach, EngagementDenominator.Reach, nameof(byReach));
        RequireDenominator(byImpressions, EngagementDenominator.Impressions, nameof(byImpressions));
        RequireDenominator(byFollowers, EngagementDenominator.Followers, nameof(byFollowers));
        Posts = posts;
        Likes = likes;
        Comments = comments;
        Shares = shares;
        Saves = saves;
        Clicks = clicks;
        WeightedInteractions = Guard.NonNegative(weightedInteractions);
        ByReach = byReach;
        ByImpressions = byImpressions;
        ByFollowers = byFollowers;
        PollPosts = pollPosts;
        PollVotes = pollVotes;
        PollReach = pollReach;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The number of posts.</summary>
    public long Posts { get; }

    /// <summary>Σ likes.</summary>
    public long Likes { get; }

    /// <summary>Σ comments.</summary>
    public long Comments { get; }

    /// <summary>Σ shares.</summary>
    public long Shares { get; }

    /// <summary>Σ saves.</summary>
    public long Saves { get; }

    /// <summary>Σ link clicks (not counted as interactions).</summary>
    public long Clicks { get; }

    /// <summary>Σ interactions: likes + comments + shares + saves.</summary>
    public long Interactions => Likes + Comments + Shares + Saves;

    /// <summary>Σ weighted interactions (weights from <see cref="SocialOptions"/>).</summary>
    public double WeightedInteractions { get; }

    /// <summary>The engagement rate by reach.</summary>
    public EngagementRate ByReach { get; }

    /// <summary>The engagement rate by impressions.</summary>
    public EngagementRate ByImpressions { get; }

    /// <summary>The engagement rate by followers.</summary>
    public EngagementRate ByFollowers { get; }

    /// <summary>Posts with a poll that have a poll reach (or reach).</summary>
    public long PollPosts { get; }

    /// <summary>Σ poll votes over <see cref="PollPosts"/>.</summary>
    public long PollVotes { get; }

    /// <summary>Σ poll reach over <see cref="PollPosts"/>.</summary>
    public long PollReach { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Whether there is at least one post.</summary>
    public bool HasValue => Posts > 0;

    /// <summary>Likes per post; null without posts.</summary>
    public double? ApplauseRate => PerPost(Likes);

    /// <summary>Comments per post; null without posts.</summary>
    public double? ConversationRate => PerPost(Comments);

    /// <summary>Shares per post; null without posts.</summary>
    public double? SharesPerPost => PerPost(Shares);

    /// <summary>Interactions per post; null without posts.</summary>
    public double? InteractionsPerPost => PerPost(Interactions);

    /// <summary>Shares per follower over the posts that report followers (amplification); null when none do.</summary>
    public double? AmplificationRate => ByFollowers.ShareRate;

    /// <summary>Poll votes / poll reach, in [0, 1]; null without polls.</summary>
    public double? PollParticipation => PollReach > 0 ? (double)PollVotes / PollReach : null;

    /// <summary>The Wilson interval of <see cref="PollParticipation"/>; null without polls.</summary>
    public Interval? PollParticipationInterval => PollReach > 0 ? ConfidenceIntervals.Wilson(PollVotes, PollReach, ConfidenceLevel) : null;

    /// <summary>The engagement rate with the given denominator.</summary>
    /// <param name="denominator">Reach, impressions or followers.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is not a defined value.</exception>
    public EngagementRate Rate(EngagementDenominator denominator) => denominator switch
    {
        EngagementDenominator.Reach => ByReach,
        EngagementDenominator.Impressions => ByImpressions,
        EngagementDenominator.Followers => ByFollowers,
        _ => throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Use Reach, Impressions or Followers."),
    };

    private double? PerPost(long total) => Posts > 0 ? (double)total / Posts : null;

    private static void RequireDenominator(EngagementRate rate, EngagementDenominator expected, string paramName)
    {
        if (rate.Denominator != expected)
        {
            throw new ArgumentOutOfRangeException(paramName, rate.Denominator, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be a rate by {expected}."));
        }
    }

    /// <inheritdoc />
    public bool Equals(SocialResult other) =>
        Posts == other.Posts && Likes == other.Likes && Comments == other.Comments && Shares == other.Shares &&
        Saves == other.Saves && Clicks == other.Clicks && WeightedInteractions.Equals(other.WeightedInteractions) &&
        ByReach.Equals(other.ByReach) && ByImpressions.Equals(other.ByImpressions) && ByFollowers.Equals(other.ByFollowers) &&
        PollPosts == other.PollPosts && PollVotes == other.PollVotes && PollReach == other.PollReach &&
        ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SocialResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(Posts, Likes, Comments, Shares, Saves, Clicks, WeightedInteractions), ByReach, ByImpressions, ByFollowers, PollPosts, PollVotes, PollReach, ConfidenceLevel);

    /// <summary>Formats as <c>12 posts, 480 interactions, 3.10% by Reach (...)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Posts} posts, {Interactions} interactions, {ByReach}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every total and setting is equal.</returns>
    public static bool operator ==(SocialResult left, SocialResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(SocialResult left, SocialResult right) => !left.Equals(right);
}

using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Social;

/// <summary>
/// An engagement rate with one named denominator (reach, impressions or followers), over the posts that report
/// that denominator.
/// </summary>
/// <remarks>
/// <para>
/// <c>Rate = Σ interactions / Σ denominator</c> and <c>WeightedRate = Σ weighted interactions / Σ denominator</c>,
/// summed over <see cref="Posts"/> — the posts that report this denominator. This is the pooled ("aggregate") rate:
/// big posts weigh more than small ones, which is what makes the rate of a campaign equal to the rate of its
/// merged posts. Interactions are likes + comments + shares + saves. Rates are fractions (0.031 = 3.1 %) and may
/// exceed 1 (for example by followers, when a post travels beyond the audience).
/// </para>
/// <para>
/// Interval model: each unit of the denominator (a reached account, an impression, a follower) is treated as one
/// Bernoulli trial that "interacted" or not, so <c>Rate</c> is a proportion with the Wilson interval and standard
/// error <c>√(p(1 − p)/N)</c>. This is an approximation — one account can like and comment, and posts differ, so the
/// true uncertainty is larger — and the interval is reported only when interactions ≤ denominator.
/// </para>
/// </remarks>
public readonly struct EngagementRate : IEquatable<EngagementRate>
{
    /// <summary>Creates a rate from its totals (also the JSON constructor).</summary>
    /// <param name="denominator">What <paramref name="total"/> counts.</param>
    /// <param name="posts">The posts that report the denominator.</param>
    /// <param name="total">Σ denominator over those posts.</param>
    /// <param name="interactions">Σ interactions over those posts.</param>
    /// <param name="weightedInteractions">Σ weighted interactions over those posts.</param>
    /// <param name="shares">Σ shares over those posts.</param>
    /// <param name="confidenceLevel">The level of the interval.</param>
    /// <exception cref="ArgumentOutOfRangeException">A total is negative or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public EngagementRate(EngagementDenominator denominator, long posts, long total, long interactions, double weightedInteractions, long shares, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(posts);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(interactions);
        ArgumentOutOfRangeException.ThrowIfNegative(shares);
        Denominator = denominator;
        Posts = posts;
        Total = total;
        Interactions = interactions;
        WeightedInteractions = Guard.NonNegative(weightedInteractions);
        Shares = shares;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>What the rate divides by.</summary>
    public EngagementDenominator Denominator { get; }

    /// <summary>The posts that report <see cref="Denominator"/> (the others are not in this rate).</summary>
    public long Posts { get; }

    /// <summary>Σ denominator (reach, impressions or followers) over <see cref="Posts"/>.</summary>
    public long Total { get; }

    /// <summary>Σ interactions (likes + comments + shares + saves) over <see cref="Posts"/>.</summary>
    public long Interactions { get; }

    /// <summary>Σ weighted interactions over <see cref="Posts"/> (weights from <see cref="SocialOptions"/>).</summary>
    public double WeightedInteractions { get; }

    /// <summary>Σ shares over <see cref="Posts"/>.</summary>
    public long Shares { get; }

    /// <summary>The confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Whether the denominator total is positive, so the rate exists.</summary>
    public bool HasValue => Total > 0;

    /// <summary>Interactions per unit of denominator, ≥ 0; null when <see cref="Total"/> is 0.</summary>
    public double? Rate => HasValue ? (double)Interactions / Total : null;

    /// <summary>Weighted interactions per unit of denominator, ≥ 0; null when <see cref="Total"/> is 0.</summary>
    public double? WeightedRate => HasValue ? WeightedInteractions / Total : null;

    /// <summary>Shares per unit of denominator; by followers this is the amplification rate.</summary>
    public double? ShareRate => HasValue ? (double)Shares / Total : null;

    /// <summary>The binomial standard error <c>√(p(1 − p)/N)</c> of <see cref="Rate"/>; null when there is no rate or interactions exceed the denominator.</summary>
    public double? StandardError => IsProportion ? Math.Sqrt(Rate!.Value * (1 - Rate.Value) / Total) : null;

    /// <summary>The Wilson interval of <see cref="Rate"/>; null when there is no rate or interactions exceed the denominator.</summary>
    public Interval? ConfidenceInterval => IsProportion ? ConfidenceIntervals.Wilson(Interactions, Total, ConfidenceLevel) : null;

    private bool IsProportion => Total > 0 && Interactions <= Total;

    /// <inheritdoc />
    public bool Equals(EngagementRate other) =>
        Denominator == other.Denominator && Posts == other.Posts && Total == other.Total && Interactions == other.Interactions &&
        WeightedInteractions.Equals(other.WeightedInteractions) && Shares == other.Shares && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EngagementRate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Denominator, Posts, Total, Interactions, WeightedInteractions, Shares, ConfidenceLevel);

    /// <summary>Formats as <c>3.10% by Reach (155/5000, 4 posts)</c>.</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"{Rate:P2} by {Denominator} ({Interactions}/{Total}, {Posts} posts)")
        : string.Create(CultureInfo.InvariantCulture, $"— by {Denominator} ({Posts} posts)");

    /// <summary>Compares two rates for equality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether every total and setting is equal.</returns>
    public static bool operator ==(EngagementRate left, EngagementRate right) => left.Equals(right);

    /// <summary>Compares two rates for inequality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(EngagementRate left, EngagementRate right) => !left.Equals(right);
}

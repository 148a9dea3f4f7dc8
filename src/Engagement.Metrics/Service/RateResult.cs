using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Service;

/// <summary>
/// A contact-centre rate (FCR, service level, abandonment, escalation, containment): successes out of a count,
/// with a Wilson score interval.
/// </summary>
/// <remarks>
/// <c>Value = Successes / Count</c> on the 0..1 scale; <see langword="null"/> when <see cref="Count"/> is 0 (never
/// a fake 0). The interval is Wilson's (1927) via <see cref="ConfidenceIntervals.Wilson(double, double, double)"/>,
/// which stays inside [0, 1] and keeps near-nominal coverage for small counts and rates near 0 or 1.
/// </remarks>
public readonly struct RateResult : IEquatable<RateResult>
{
    /// <summary>Creates a rate from its counts (also the JSON constructor).</summary>
    /// <param name="count">The denominator, ≥ 0.</param>
    /// <param name="successes">The numerator, 0 ≤ successes ≤ count.</param>
    /// <param name="confidenceLevel">The level of <see cref="ConfidenceInterval"/>, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed the count, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public RateResult(long count, long successes, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        Count = count;
        Successes = successes;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The denominator: the contacts the rate is over.</summary>
    public long Count { get; }

    /// <summary>The numerator: the contacts that count as a success (resolved, answered in time, abandoned, …).</summary>
    public long Successes { get; }

    /// <summary>The confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The rate <c>Successes / Count</c>, 0..1; <see langword="null"/> when <see cref="Count"/> is 0.</summary>
    public double? Value => Count > 0 ? (double)Successes / Count : null;

    /// <summary>The Wilson score interval at <see cref="ConfidenceLevel"/>, inside [0, 1]; <see langword="null"/> without a value.</summary>
    public Interval? ConfidenceInterval => Count > 0 ? ConfidenceIntervals.Wilson(Successes, Count, ConfidenceLevel) : null;

    /// <inheritdoc />
    public bool Equals(RateResult other) => Count == other.Count && Successes == other.Successes && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RateResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Successes, ConfidenceLevel);

    /// <summary>Formats as <c>0.750 (30/40, 95% [..])</c>, or <c>— (0/0)</c> without a value.</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() => Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Value:F3} ({Successes}/{Count}, {ConfidenceInterval})")
        : "— (0/0)";

    /// <summary>Compares two rates for equality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether the counts and level are equal.</returns>
    public static bool operator ==(RateResult left, RateResult right) => left.Equals(right);

    /// <summary>Compares two rates for inequality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether a count or the level differs.</returns>
    public static bool operator !=(RateResult left, RateResult right) => !left.Equals(right);
}

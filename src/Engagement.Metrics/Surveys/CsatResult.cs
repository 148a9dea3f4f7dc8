using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Surveys;

/// <summary>A customer-satisfaction (CSAT) result: the share satisfied, the mean score and the full distribution.</summary>
/// <remarks>
/// <c>Score = 100 × (weight of scores ≥ threshold) / (total weight)</c>, on 0..100, with a Wilson interval
/// (using the effective sample size for weighted data) and standard error <c>100 × √(p(1 − p)/n)</c>.
/// The mean score has a Student-t interval. Without responses <see cref="HasValue"/> is false and values are null.
/// </remarks>
public readonly struct CsatResult : IEquatable<CsatResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="distribution">The distribution of scores.</param>
    /// <param name="satisfiedThreshold">The lowest score that counts as satisfied; on the distribution's scale.</param>
    /// <param name="confidenceLevel">The level of the reported intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is off the scale or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public CsatResult(ScoreDistribution distribution, int satisfiedThreshold, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(satisfiedThreshold, distribution.Minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(satisfiedThreshold, distribution.Maximum);
        Distribution = distribution;
        SatisfiedThreshold = satisfiedThreshold;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The full distribution of scores.</summary>
    public ScoreDistribution Distribution { get; }

    /// <summary>The lowest score that counts as satisfied.</summary>
    public int SatisfiedThreshold { get; }

    /// <summary>The confidence level of the reported intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The number of responses.</summary>
    public long Count => Distribution.Count;

    /// <summary>Whether there is at least one response with positive weight.</summary>
    public bool HasValue => Distribution.HasValue;

    /// <summary>The share of satisfied responses on 0..100 (the CSAT score).</summary>
    public double? Score => Distribution.ShareBetween(SatisfiedThreshold, Distribution.Maximum) * 100;

    /// <summary>The standard error of <see cref="Score"/>, <c>100 × √(p(1 − p)/n_eff)</c>.</summary>
    public double? StandardError => Distribution.ShareBetween(SatisfiedThreshold, Distribution.Maximum) is { } p
        ? 100 * Math.Sqrt(p * (1 - p) / Distribution.EffectiveSampleSize)
        : null;

    /// <summary>The Wilson interval of <see cref="Score"/> on 0..100 at <see cref="ConfidenceLevel"/>.</summary>
    public Interval? ConfidenceInterval => Distribution.ShareConfidenceInterval(SatisfiedThreshold, Distribution.Maximum, ConfidenceLevel)?.Scale(100);

    /// <summary>The mean score.</summary>
    public double? Mean => Distribution.Mean;

    /// <summary>The standard error of the mean score.</summary>
    public double? MeanStandardError => Distribution.MeanStandardError;

    /// <summary>The Student-t interval of the mean score at <see cref="ConfidenceLevel"/>.</summary>
    public Interval? MeanConfidenceInterval => Distribution.MeanConfidenceInterval(ConfidenceLevel);

    internal static CsatResult From(ScoreTally tally, CsatOptions options) =>
        new(ScoreDistribution.From(tally, options.Minimum, options.Maximum), options.SatisfiedThreshold, options.ConfidenceLevel);

    /// <inheritdoc />
    public bool Equals(CsatResult other) =>
        Distribution.Equals(other.Distribution) && SatisfiedThreshold == other.SatisfiedThreshold && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CsatResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Distribution, SatisfiedThreshold, ConfidenceLevel);

    /// <summary>Formats as <c>CSAT 82.0% (n = 50, ...)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"CSAT {Score:F1}% (n = {Count}, {ConfidenceInterval}; mean {Mean:F2})")
        : string.Create(CultureInfo.InvariantCulture, $"CSAT — (n = {Count})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether distribution and settings are equal.</returns>
    public static bool operator ==(CsatResult left, CsatResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether anything differs.</returns>
    public static bool operator !=(CsatResult left, CsatResult right) => !left.Equals(right);
}

using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Net Emotional Value (NEV): the share of positive emotion mentions minus the share of negative ones, on −100..100.
/// </summary>
/// <remarks>
/// <para>
/// Unweighted: <c>NEV = 100 (m₊ − m₋)/(m₊ + m₋)</c> with m₊, m₋ the numbers of positive and negative mentions.
/// Intensity-weighted: <c>NEV = 100 (I₊ − I₋)/(I₊ + I₋)</c> with I₊, I₋ the sums of the mentions' intensities.
/// Emotions outside the catalogue are not counted.
/// </para>
/// <para>
/// Interval (unweighted only): with p = m₊/(m₊ + m₋), NEV = 100 (2p − 1), so the Wilson score interval [l, u] of p
/// maps to 100 [2l − 1, 2u − 1]. This treats mentions as independent; several mentions by one respondent are
/// correlated, so the interval is optimistic then. Intensity-weighted NEV reports no interval (<see langword="null"/>).
/// </para>
/// <para>
/// When <see cref="IsTextProxy"/> is <see langword="true"/> the "mentions" were not emotions a customer chose but
/// message sentiment labels (<see cref="NetEmotionalValue.FromSentiment"/>): a text-derived proxy for NEV, not NEV.
/// </para>
/// </remarks>
public readonly struct NetEmotionalValueResult : IEquatable<NetEmotionalValueResult>
{
    /// <summary>Creates a result, for example after JSON deserialization.</summary>
    /// <param name="positiveMentions">Positive mentions, ≥ 0.</param>
    /// <param name="negativeMentions">Negative mentions, ≥ 0.</param>
    /// <param name="positiveIntensity">Sum of the positive mentions' intensities, finite and ≥ 0.</param>
    /// <param name="negativeIntensity">Sum of the negative mentions' intensities, finite and ≥ 0.</param>
    /// <param name="intensityWeighted">Whether <see cref="Value"/> is intensity-weighted.</param>
    /// <param name="isTextProxy">Whether the mentions are sentiment labels of text (a proxy), not reported emotions.</param>
    /// <param name="confidenceLevel">The interval's level, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or sum is negative or not finite, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public NetEmotionalValueResult(long positiveMentions, long negativeMentions, double positiveIntensity, double negativeIntensity, bool intensityWeighted, bool isTextProxy, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positiveMentions);
        ArgumentOutOfRangeException.ThrowIfNegative(negativeMentions);
        PositiveMentions = positiveMentions;
        NegativeMentions = negativeMentions;
        PositiveIntensity = Guard.NonNegative(positiveIntensity);
        NegativeIntensity = Guard.NonNegative(negativeIntensity);
        IntensityWeighted = intensityWeighted;
        IsTextProxy = isTextProxy;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>Positive mentions counted.</summary>
    public long PositiveMentions { get; }

    /// <summary>Negative mentions counted.</summary>
    public long NegativeMentions { get; }

    /// <summary>Sum of the positive mentions' intensities.</summary>
    public double PositiveIntensity { get; }

    /// <summary>Sum of the negative mentions' intensities.</summary>
    public double NegativeIntensity { get; }

    /// <summary>Whether <see cref="Value"/> weighs mentions by intensity.</summary>
    public bool IntensityWeighted { get; }

    /// <summary>Whether this is the text-derived proxy (sentiment labels of messages), not NEV from reported emotions.</summary>
    public bool IsTextProxy { get; }

    /// <summary>The confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>All mentions counted, m₊ + m₋.</summary>
    [JsonIgnore]
    public long Mentions => PositiveMentions + NegativeMentions;

    /// <summary>NEV on −100..100, or <see langword="null"/> without mentions (or with zero total intensity when weighted).</summary>
    [JsonIgnore]
    public double? Value
    {
        get
        {
            double plus = IntensityWeighted ? PositiveIntensity : PositiveMentions;
            double minus = IntensityWeighted ? NegativeIntensity : NegativeMentions;
            return plus + minus > 0 ? 100 * (plus - minus) / (plus + minus) : null;
        }
    }

    /// <summary>The Wilson-based interval of the unweighted NEV, or <see langword="null"/> when weighted or without mentions.</summary>
    [JsonIgnore]
    public Interval? ConfidenceInterval
    {
        get
        {
            if (IntensityWeighted || Mentions == 0)
            {
                return null;
            }

            Interval p = ConfidenceIntervals.Wilson(PositiveMentions, Mentions, ConfidenceLevel);
            return new Interval(ConfidenceLevel, 100 * ((2 * p.Lower) - 1), 100 * ((2 * p.Upper) - 1));
        }
    }

    /// <inheritdoc />
    public bool Equals(NetEmotionalValueResult other) =>
        PositiveMentions == other.PositiveMentions && NegativeMentions == other.NegativeMentions
        && PositiveIntensity.Equals(other.PositiveIntensity) && NegativeIntensity.Equals(other.NegativeIntensity)
        && IntensityWeighted == other.IntensityWeighted && IsTextProxy == other.IsTextProxy && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NetEmotionalValueResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PositiveMentions, NegativeMentions, PositiveIntensity, NegativeIntensity, IntensityWeighted, IsTextProxy, ConfidenceLevel);

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NetEmotionalValueResult left, NetEmotionalValueResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(NetEmotionalValueResult left, NetEmotionalValueResult right) => !left.Equals(right);
}

using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Aggregate sentiment of a set of messages: label counts and shares, mean compound score with a Student-t
/// interval, and net sentiment (% positive − % negative) with an interval.
/// </summary>
/// <remarks>
/// <para>
/// Net sentiment is <c>100 (p₊ − p₋)</c> on −100..100, where p₊ and p₋ are the shares of messages labelled
/// positive and negative. The three labels are one multinomial draw per message, so with n messages
/// <c>Var(p̂₊ − p̂₋) = [p₊(1 − p₊) + p₋(1 − p₋) + 2p₊p₋]/n = [p₊ + p₋ − (p₊ − p₋)²]/n</c>
/// (the covariance of two multinomial proportions is −p₊p₋/n). It is the same statistic as the Net Promoter
/// Score, so the interval is the NPS adjusted-Wald interval (Rocks 2016: add ¾ to each of the two counts and 3 to
/// n), computed by <see cref="NetPromoterScore.FromCounts"/>; the standard error is the plain one above.
/// </para>
/// <para>
/// The mean compound score is the sample mean of the messages' compound scores with the Student-t interval of
/// <see cref="MeanEstimate"/>. Values that do not exist (no messages; fewer than two for a variance) are
/// <see langword="null"/>, never 0 or NaN.
/// </para>
/// </remarks>
public readonly struct SentimentSummary : IEquatable<SentimentSummary>
{
    /// <summary>Creates a summary from its counts and compound-score moments, for example after JSON deserialization.</summary>
    /// <param name="positive">Messages labelled positive, ≥ 0.</param>
    /// <param name="neutral">Messages labelled neutral, ≥ 0.</param>
    /// <param name="negative">Messages labelled negative, ≥ 0.</param>
    /// <param name="compound">The mean and variance of the compound scores; its count must equal the sum of the label counts.</param>
    /// <param name="confidenceLevel">The level of the reported intervals, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the level is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The compound estimate's count differs from the label counts.</exception>
    [JsonConstructor]
    public SentimentSummary(long positive, long neutral, long negative, MeanEstimate compound, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positive);
        ArgumentOutOfRangeException.ThrowIfNegative(neutral);
        ArgumentOutOfRangeException.ThrowIfNegative(negative);
        if (compound.Count != positive + neutral + negative)
        {
            throw new ArgumentException($"compound.Count is {compound.Count} but the label counts add up to {positive + neutral + negative}; they must describe the same messages.", nameof(compound));
        }

        Positive = positive;
        Neutral = neutral;
        Negative = negative;
        Compound = compound;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The number of messages.</summary>
    [JsonIgnore]
    public long Count => Positive + Neutral + Negative;

    /// <summary>Messages labelled positive.</summary>
    public long Positive { get; }

    /// <summary>Messages labelled neutral.</summary>
    public long Neutral { get; }

    /// <summary>Messages labelled negative.</summary>
    public long Negative { get; }

    /// <summary>The compound scores' count, mean, variance (and so standard error and interval).</summary>
    public MeanEstimate Compound { get; }

    /// <summary>The confidence level of <see cref="NetSentimentConfidenceInterval"/> and <see cref="MeanCompoundConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The mean compound score on −1..1, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? MeanCompound => Compound.Mean;

    /// <summary>The Student-t interval of the mean compound score, or <see langword="null"/> with fewer than two messages.</summary>
    [JsonIgnore]
    public Interval? MeanCompoundConfidenceInterval => Compound.ConfidenceInterval(Level);

    /// <summary>The share of positive messages, 0..1, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? PositiveShare => Count > 0 ? (double)Positive / Count : null;

    /// <summary>The share of neutral messages, 0..1, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? NeutralShare => Count > 0 ? (double)Neutral / Count : null;

    /// <summary>The share of negative messages, 0..1, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? NegativeShare => Count > 0 ? (double)Negative / Count : null;

    /// <summary>Net sentiment, <c>100 (p₊ − p₋)</c> on −100..100, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? NetSentiment => Net().Score;

    /// <summary>The standard error of <see cref="NetSentiment"/>, <c>100 √([p₊ + p₋ − (p₊ − p₋)²]/n)</c>, or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public double? NetSentimentStandardError => Net().StandardError;

    /// <summary>The adjusted-Wald interval of <see cref="NetSentiment"/> (clipped to −100..100), or <see langword="null"/> without messages.</summary>
    [JsonIgnore]
    public Interval? NetSentimentConfidenceInterval => Net().ConfidenceInterval;

    /// <inheritdoc />
    public bool Equals(SentimentSummary other) =>
        Positive == other.Positive && Neutral == other.Neutral && Negative == other.Negative
        && Compound.Equals(other.Compound) && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SentimentSummary other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Positive, Neutral, Negative, Compound, ConfidenceLevel);

    /// <summary>Compares two summaries for equality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when counts, moments and level are equal.</returns>
    public static bool operator ==(SentimentSummary left, SentimentSummary right) => left.Equals(right);

    /// <summary>Compares two summaries for inequality.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns><see langword="true"/> when anything differs.</returns>
    public static bool operator !=(SentimentSummary left, SentimentSummary right) => !left.Equals(right);

    private NpsResult Net() =>
        NetPromoterScore.FromCounts(Positive, Neutral, Negative, new NpsOptions { ConfidenceLevel = Level });

    // default(SentimentSummary) has level 0; report its (absent) intervals at the default level.
    private double Level => ConfidenceLevel > 0 ? ConfidenceLevel : SentimentOptions.Default.ConfidenceLevel;
}

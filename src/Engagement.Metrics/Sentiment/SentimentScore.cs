using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// The sentiment of one message: a compound score in −1..1, the proportions of positive, neutral and negative
/// content, and the resulting label.
/// </summary>
/// <remarks>
/// <para>
/// The compound score is the normalised sum of the word valences, <c>x / √(x² + α)</c> (α = 15 by default), as in
/// VADER (Hutto &amp; Gilbert 2014). The proportions follow VADER's definition: each positive word contributes
/// <c>valence + 1</c> to the positive mass, each negative word <c>|valence − 1|</c> to the negative mass, each
/// word without sentiment 1 to the neutral mass, and the emphasis of ! and ? is added to the dominant side;
/// the three proportions are those masses divided by their total, so they sum to 1 (or are all 0 for a message
/// with no words). Proportions are descriptive; the label comes from the compound score alone.
/// </para>
/// <para><c>default(SentimentScore)</c> is the score of an empty message: compound 0, neutral, proportions 0.</para>
/// </remarks>
public readonly struct SentimentScore : IEquatable<SentimentScore>
{
    /// <summary>Creates a score, for example from a remote scorer or after JSON deserialization.</summary>
    /// <param name="compound">The compound score, in −1..1.</param>
    /// <param name="positive">The positive proportion, in 0..1.</param>
    /// <param name="neutral">The neutral proportion, in 0..1.</param>
    /// <param name="negative">The negative proportion, in 0..1.</param>
    /// <param name="label">The label.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or outside its range, or <paramref name="label"/> is not defined.</exception>
    [JsonConstructor]
    public SentimentScore(double compound, double positive, double neutral, double negative, SentimentLabel label)
    {
        Compound = InRange(compound, -1, 1, nameof(compound));
        Positive = InRange(positive, 0, 1, nameof(positive));
        Neutral = InRange(neutral, 0, 1, nameof(neutral));
        Negative = InRange(negative, 0, 1, nameof(negative));
        if (!Enum.IsDefined(label))
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, string.Create(CultureInfo.InvariantCulture, $"label is {(int)label}; use Positive, Neutral or Negative."));
        }

        Label = label;
    }

    /// <summary>For scorers whose values are in range by construction: no checks on the hot path.</summary>
    internal SentimentScore(double compound, double positive, double neutral, double negative, SentimentLabel label, bool trusted)
    {
        _ = trusted;
        Compound = compound;
        Positive = positive;
        Neutral = neutral;
        Negative = negative;
        Label = label;
    }

    /// <summary>The compound score: normalised sum of valences, −1 (most negative) .. 1 (most positive).</summary>
    public double Compound { get; }

    /// <summary>The proportion of the message's sentiment mass that is positive, 0..1.</summary>
    public double Positive { get; }

    /// <summary>The proportion of the message that carries no sentiment, 0..1.</summary>
    public double Neutral { get; }

    /// <summary>The proportion of the message's sentiment mass that is negative, 0..1.</summary>
    public double Negative { get; }

    /// <summary>The label from <see cref="Compound"/> and the thresholds (±0.05 by default).</summary>
    public SentimentLabel Label { get; }

    /// <inheritdoc />
    public bool Equals(SentimentScore other) =>
        Compound.Equals(other.Compound) && Positive.Equals(other.Positive) && Neutral.Equals(other.Neutral)
        && Negative.Equals(other.Negative) && Label == other.Label;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SentimentScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Compound, Positive, Neutral, Negative, Label);

    /// <summary>Formats as <c>Positive 0.6249 (pos 0.512, neu 0.488, neg 0)</c>, invariant culture.</summary>
    /// <returns>The formatted score.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} {Compound:0.####} (pos {Positive:0.###}, neu {Neutral:0.###}, neg {Negative:0.###})");

    /// <summary>Compares two scores for equality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(SentimentScore left, SentimentScore right) => left.Equals(right);

    /// <summary>Compares two scores for inequality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(SentimentScore left, SentimentScore right) => !left.Equals(right);

    private static double InRange(double value, double min, double max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must lie in [{min}, {max}]."));
}

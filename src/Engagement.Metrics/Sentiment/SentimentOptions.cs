using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Sentiment;

/// <summary>How messages are scored and labelled, and the confidence level of sentiment aggregates.</summary>
/// <remarks>
/// The thresholds default to ±0.05 on the compound scale, the convention of VADER (Hutto &amp; Gilbert,
/// "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014, and the
/// reference implementation's documentation). The normalisation constant α = 15 is VADER's: the compound
/// score is <c>x / √(x² + α)</c> where x is the sum of the word valences.
/// </remarks>
public sealed record SentimentOptions
{
    /// <summary>The standard options: automatic language, thresholds ±0.05, α = 15, 95% intervals.</summary>
    public static SentimentOptions Default { get; } = new();

    /// <summary>The language of the messages, or <see cref="SentimentLanguage.Auto"/> to detect it per message.</summary>
    /// <value>The default is <see cref="SentimentLanguage.Auto"/>.</value>
    public SentimentLanguage Language { get; init; } = SentimentLanguage.Auto;

    /// <summary>The lowest compound score labelled <see cref="SentimentLabel.Positive"/>.</summary>
    /// <value>The default is 0.05 (VADER).</value>
    public double PositiveThreshold { get; init; } = 0.05;

    /// <summary>The highest compound score labelled <see cref="SentimentLabel.Negative"/>.</summary>
    /// <value>The default is −0.05 (VADER).</value>
    public double NegativeThreshold { get; init; } = -0.05;

    /// <summary>The normalisation constant α of <c>compound = x / √(x² + α)</c>.</summary>
    /// <value>The default is 15 (VADER): a sum of valences of ±3.87 maps to ±0.707.</value>
    public double NormalizationAlpha { get; init; } = 15;

    /// <summary>The confidence level of the intervals reported by <see cref="SentimentAccumulator"/>.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public SentimentOptions Validate()
    {
        new OptionsValidation(nameof(SentimentOptions))
            .Require(
                Enum.IsDefined(Language),
                $"Language {(int)Language} is not a SentimentLanguage; use Auto, English or Spanish.")
            .Require(
                NegativeThreshold >= -1 && NegativeThreshold <= PositiveThreshold && PositiveThreshold <= 1,
                $"The thresholds must satisfy -1 <= NegativeThreshold ({NegativeThreshold}) <= PositiveThreshold ({PositiveThreshold}) <= 1.")
            .Require(
                NormalizationAlpha > 0 && double.IsFinite(NormalizationAlpha),
                $"NormalizationAlpha is {NormalizationAlpha}; it must be a finite number > 0, for example 15.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>The label of a compound score under these thresholds.</summary>
    /// <param name="compound">A compound score in −1..1.</param>
    /// <returns><see cref="SentimentLabel.Positive"/> at or above <see cref="PositiveThreshold"/>,
    /// <see cref="SentimentLabel.Negative"/> at or below <see cref="NegativeThreshold"/>, otherwise neutral.</returns>
    public SentimentLabel Classify(double compound) =>
        compound >= PositiveThreshold ? SentimentLabel.Positive
        : compound <= NegativeThreshold ? SentimentLabel.Negative
        : SentimentLabel.Neutral;
}

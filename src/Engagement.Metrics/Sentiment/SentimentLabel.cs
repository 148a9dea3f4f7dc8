namespace Engagement.Metrics.Sentiment;

/// <summary>The polarity class of a message, from its compound score and the thresholds of <see cref="SentimentOptions"/>.</summary>
/// <remarks>
/// With the default thresholds (Hutto &amp; Gilbert 2014, the VADER convention): compound ≥ 0.05 is
/// <see cref="Positive"/>, compound ≤ −0.05 is <see cref="Negative"/>, anything between is <see cref="Neutral"/>.
/// </remarks>
public enum SentimentLabel
{
    /// <summary>Compound score between the two thresholds.</summary>
    Neutral = 0,

    /// <summary>Compound score at or above <see cref="SentimentOptions.PositiveThreshold"/>.</summary>
    Positive = 1,

    /// <summary>Compound score at or below <see cref="SentimentOptions.NegativeThreshold"/>.</summary>
    Negative = 2,
}

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Net Emotional Value (NEV): share of positive emotion mentions minus share of negative ones, −100..100
/// (Beyond Philosophy; C. Shaw, "The DNA of Customer Experience", 2007), from emotion-tagged feedback, plus a
/// text-derived proxy from message sentiment.
/// </summary>
public static class NetEmotionalValue
{
    /// <summary>NEV of a set of unrated emotion mentions.</summary>
    /// <param name="emotions">Emotion names from the catalogue.</param>
    /// <param name="options">The catalogue; <see cref="NetEmotionalValueOptions.Default"/> when null.</param>
    /// <returns>The result; its value is <see langword="null"/> without mentions.</returns>
    /// <exception cref="ArgumentException">An emotion is not in the catalogue.</exception>
    public static NetEmotionalValueResult Calculate(ReadOnlySpan<string> emotions, NetEmotionalValueOptions? options = null)
    {
        var accumulator = new NetEmotionalValueAccumulator(options);
        accumulator.AddRange(emotions);
        return accumulator.ToResult();
    }

    /// <summary>
    /// A text-derived PROXY for NEV, labelled as such (<see cref="NetEmotionalValueResult.IsTextProxy"/>): each
    /// message labelled positive counts as a positive mention and each labelled negative as a negative mention,
    /// with intensity |compound|; neutral messages are not mentions.
    /// </summary>
    /// <param name="scores">The messages' sentiment scores.</param>
    /// <param name="options">Weighting and confidence level (the catalogue is not used); the default when null.</param>
    /// <returns>The proxy; its value is <see langword="null"/> when no message is positive or negative.</returns>
    /// <remarks>
    /// Real NEV asks customers which emotions they felt; a sentiment label is a much coarser signal (one polarity
    /// per message, no emotion names), so compare the proxy only with itself over time or across touchpoints.
    /// Its unweighted value equals net sentiment computed over the non-neutral messages only.
    /// </remarks>
    public static NetEmotionalValueResult FromSentiment(ReadOnlySpan<SentimentScore> scores, NetEmotionalValueOptions? options = null)
    {
        NetEmotionalValueOptions o = (options ?? NetEmotionalValueOptions.Default).Validate();
        long positive = 0;
        long negative = 0;
        double positiveIntensity = 0;
        double negativeIntensity = 0;
        foreach (SentimentScore score in scores)
        {
            switch (score.Label)
            {
                case SentimentLabel.Positive:
                    positive++;
                    positiveIntensity += Math.Abs(score.Compound);
                    break;
                case SentimentLabel.Negative:
                    negative++;
                    negativeIntensity += Math.Abs(score.Compound);
                    break;
            }
        }

        return new NetEmotionalValueResult(positive, negative, positiveIntensity, negativeIntensity, o.IntensityWeighted, isTextProxy: true, o.ConfidenceLevel);
    }
}

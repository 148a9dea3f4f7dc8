using Engagement.Metrics.Internal;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Listening;

/// <summary>How messages are split into themes: the stop-word language, the longest n-gram and the shortest word.</summary>
/// <remarks>
/// A theme is a 1- to <see cref="MaxWords"/>-word n-gram of folded tokens (lower case, accents removed, ñ kept) that
/// neither starts nor ends with a stop word or a word shorter than <see cref="MinimumWordLength"/>, and does not
/// cross punctuation, a URL or a handle. The stop-word lists are ours (English and Spanish function words; see
/// docs/metrics/listening.md).
/// </remarks>
public sealed record ThemeOptions
{
    /// <summary>The default options: both stop-word lists, n-grams of 1 to 3 words, words of at least 2 characters.</summary>
    public static ThemeOptions Default { get; } = new();

    /// <summary>
    /// Which stop words to drop: <see cref="SentimentLanguage.English"/>, <see cref="SentimentLanguage.Spanish"/> or
    /// <see cref="SentimentLanguage.Auto"/> (both lists, for mixed-language streams).
    /// </summary>
    /// <value>The default is <see cref="SentimentLanguage.Auto"/>.</value>
    public SentimentLanguage Language { get; init; } = SentimentLanguage.Auto;

    /// <summary>The longest n-gram counted, 1..3 (1 counts single words only).</summary>
    /// <value>The default is 3.</value>
    public int MaxWords { get; init; } = 3;

    /// <summary>Words shorter than this (in characters, 1..20) are treated as stop words.</summary>
    /// <value>The default is 2.</value>
    public int MinimumWordLength { get; init; } = 2;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ThemeOptions Validate()
    {
        new OptionsValidation(nameof(ThemeOptions))
            .Require(Language is SentimentLanguage.Auto or SentimentLanguage.English or SentimentLanguage.Spanish, $"Language is {Language}; use Auto, English or Spanish.")
            .Require(MaxWords is >= 1 and <= 3, $"MaxWords is {MaxWords}; n-grams of 1 to 3 words are supported.")
            .Require(MinimumWordLength is >= 1 and <= 20, $"MinimumWordLength is {MinimumWordLength}; use 1..20 characters.")
            .ThrowIfInvalid();
        return this;
    }
}

namespace Engagement.Metrics.Sentiment;

/// <summary>The language whose lexicon and rules score a message.</summary>
public enum SentimentLanguage
{
    /// <summary>
    /// Detect per message: function-word counts (English vs Spanish stop words) plus Spanish-only characters
    /// (ñ, accented vowels, ¿, ¡); ties go to English. See docs/metrics/sentiment.md for its accuracy.
    /// </summary>
    Auto = 0,

    /// <summary>English: the VADER lexicon plus the customer-service vocabulary.</summary>
    English = 1,

    /// <summary>Spanish: the VADER-derived, OpeNER and customer-service lexicons with Spanish rules.</summary>
    Spanish = 2,
}

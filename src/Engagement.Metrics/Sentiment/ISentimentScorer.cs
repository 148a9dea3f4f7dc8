namespace Engagement.Metrics.Sentiment;

/// <summary>Scores the sentiment of text synchronously; the default implementation is <see cref="LexiconSentimentScorer"/>.</summary>
/// <remarks>
/// Implementations must be thread-safe: one instance is shared (it is registered as a singleton by
/// <see cref="SentimentServiceCollectionExtensions.AddSentimentScoring"/>). For remote scorers (cloud language APIs,
/// hosted models) implement <see cref="IAsyncSentimentScorer"/> instead; <see cref="SentimentScorerAdapters"/>
/// converts either into the other.
/// </remarks>
public interface ISentimentScorer
{
    /// <summary>Scores one message.</summary>
    /// <param name="text">The message; empty text scores as neutral (compound 0).</param>
    /// <returns>The score.</returns>
    SentimentScore Score(ReadOnlySpan<char> text);

    /// <summary>Scores many messages into a caller-provided buffer.</summary>
    /// <param name="texts">The messages; a <see langword="null"/> element scores as empty text.</param>
    /// <param name="destination">Receives one score per message, in order; at least as long as <paramref name="texts"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="texts"/>.</exception>
    void ScoreBatch(ReadOnlySpan<string?> texts, Span<SentimentScore> destination);
}

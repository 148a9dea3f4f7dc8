namespace Engagement.Metrics.Sentiment;

/// <summary>Scores the sentiment of text asynchronously, in batches: the shape of a remote scorer (cloud language API, hosted model).</summary>
/// <remarks>
/// Implementations should honour <see cref="MaxBatchSize"/> themselves only as a hint: callers that use
/// <see cref="SentimentScorerAdapters.ScoreAllAsync"/> never send more than that many texts per call.
/// A synchronous <see cref="ISentimentScorer"/> becomes one with <see cref="SentimentScorerAdapters.AsAsync"/>.
/// </remarks>
public interface IAsyncSentimentScorer
{
    /// <summary>The largest number of texts the scorer accepts in one call of <see cref="ScoreBatchAsync"/> (≥ 1).</summary>
    int MaxBatchSize { get; }

    /// <summary>Scores a batch of messages.</summary>
    /// <param name="texts">The messages, at most <see cref="MaxBatchSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One score per message, in order.</returns>
    ValueTask<IReadOnlyList<SentimentScore>> ScoreBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

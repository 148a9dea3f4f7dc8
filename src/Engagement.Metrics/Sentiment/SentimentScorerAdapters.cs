using System.Globalization;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// Converts between <see cref="ISentimentScorer"/> and <see cref="IAsyncSentimentScorer"/>, and scores any number
/// of texts through an asynchronous scorer in batches, so code that takes either kind can be given the other.
/// </summary>
public static class SentimentScorerAdapters
{
    /// <summary>The batch size of <see cref="AsAsync"/> when none is given.</summary>
    public const int DefaultBatchSize = 1024;

    /// <summary>Wraps a synchronous scorer as an asynchronous one (it completes synchronously, checking cancellation between messages).</summary>
    /// <param name="scorer">The scorer to wrap.</param>
    /// <param name="maxBatchSize">The batch size it reports, ≥ 1.</param>
    /// <returns>The asynchronous view; wrapping the result of <see cref="AsSynchronous"/> returns the original scorer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatchSize"/> is less than 1.</exception>
    public static IAsyncSentimentScorer AsAsync(this ISentimentScorer scorer, int maxBatchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        return scorer is AsyncAsSynchronous back ? back.Inner : new SynchronousAsAsync(scorer, maxBatchSize);
    }

    /// <summary>
    /// Wraps an asynchronous scorer as a synchronous one that blocks on each call. Meant for batch jobs and the
    /// command line, not for request threads: every call allocates and waits for the remote scorer.
    /// </summary>
    /// <param name="scorer">The scorer to wrap.</param>
    /// <returns>The blocking view; wrapping the result of <see cref="AsAsync"/> returns the original scorer.</returns>
    public static ISentimentScorer AsSynchronous(this IAsyncSentimentScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return scorer is SynchronousAsAsync back ? back.Inner : new AsyncAsSynchronous(scorer);
    }

    /// <summary>Scores any number of texts through an asynchronous scorer, at most <see cref="IAsyncSentimentScorer.MaxBatchSize"/> per call, in order.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="texts">The messages.</param>
    /// <param name="cancellationToken">Cancels between (and, if the scorer honours it, within) batches.</param>
    /// <returns>One score per message, in order.</returns>
    /// <exception cref="InvalidOperationException">The scorer returned a different number of scores than texts it was given.</exception>
    /// <exception cref="OperationCanceledException">The operation was cancelled.</exception>
    public static async ValueTask<IReadOnlyList<SentimentScore>> ScoreAllAsync(this IAsyncSentimentScorer scorer, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(texts);
        int batch = Math.Max(1, scorer.MaxBatchSize);
        var results = new SentimentScore[texts.Count];
        for (int start = 0; start < texts.Count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(batch, texts.Count - start);
            IReadOnlyList<string> slice = start == 0 && count == texts.Count ? texts : Slice(texts, start, count);
            IReadOnlyList<SentimentScore> scores = await scorer.ScoreBatchAsync(slice, cancellationToken).ConfigureAwait(false);
            if (scores.Count != count)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The scorer {scorer.GetType().Name} returned {scores.Count} scores for a batch of {count} texts (starting at text {start}); a scorer must return one score per text."));
            }

            for (int k = 0; k < count; k++)
            {
                results[start + k] = scores[k];
            }
        }

        return results;
    }

    private static string[] Slice(IReadOnlyList<string> texts, int start, int count)
    {
        var slice = new string[count];
        for (int k = 0; k < count; k++)
        {
            slice[k] = texts[start + k];
        }

        return slice;
    }

    private sealed class SynchronousAsAsync(ISentimentScorer inner, int maxBatchSize) : IAsyncSentimentScorer
    {
        public ISentimentScorer Inner { get; } = inner;

        public int MaxBatchSize { get; } = maxBatchSize;

        public ValueTask<IReadOnlyList<SentimentScore>> ScoreBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(texts);
            var scores = new SentimentScore[texts.Count];
            for (int k = 0; k < scores.Length; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scores[k] = Inner.Score(texts[k]);
            }

            return ValueTask.FromResult<IReadOnlyList<SentimentScore>>(scores);
        }
    }

    private sealed class AsyncAsSynchronous(IAsyncSentimentScorer inner) : ISentimentScorer
    {
        public IAsyncSentimentScorer Inner { get; } = inner;

        public SentimentScore Score(ReadOnlySpan<char> text)
        {
            IReadOnlyList<SentimentScore> scores = Wait(Inner.ScoreBatchAsync([text.ToString()]));
            return scores.Count == 1
                ? scores[0]
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The scorer {Inner.GetType().Name} returned {scores.Count} scores for one text."));
        }

        public void ScoreBatch(ReadOnlySpan<string?> texts, Span<SentimentScore> destination)
        {
            SentimentScoring.RequireDestination(texts.Length, destination.Length);
            var list = new string[texts.Length];
            for (int k = 0; k < list.Length; k++)
            {
                list[k] = texts[k] ?? string.Empty;
            }

            IReadOnlyList<SentimentScore> scores = Wait(Inner.ScoreAllAsync(list));
            for (int k = 0; k < list.Length; k++)
            {
                destination[k] = scores[k];
            }
        }

        private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }
}

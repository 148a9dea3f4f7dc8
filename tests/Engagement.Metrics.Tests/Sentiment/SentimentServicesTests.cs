using Engagement.Metrics.Sentiment;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Metrics.Tests.Sentiment;

public class SentimentServicesTests
{
    [Fact]
    public void Default_registration_is_the_lexicon_scorer_with_an_async_view()
    {
        using ServiceProvider sp = new ServiceCollection().AddSentimentScoring(new SentimentOptions { Language = SentimentLanguage.Spanish }).BuildServiceProvider();
        var scorer = Assert.IsType<LexiconSentimentScorer>(sp.GetRequiredService<ISentimentScorer>());
        Assert.Equal(SentimentLanguage.Spanish, scorer.Options.Language);
        Assert.Same(scorer, sp.GetRequiredService<IAsyncSentimentScorer>().AsSynchronous());
    }

    [Fact]
    public void AddSentimentScorer_replaces_the_default_and_the_async_view_follows()
    {
        using ServiceProvider sp = new ServiceCollection().AddSentimentScoring().AddSentimentScorer<FixedScorer>().BuildServiceProvider();
        Assert.IsType<FixedScorer>(sp.GetRequiredService<ISentimentScorer>());
        Assert.IsType<FixedScorer>(sp.GetRequiredService<IAsyncSentimentScorer>().AsSynchronous());
        Assert.Single(new ServiceCollection().AddSentimentScorer<FixedScorer>().AddSentimentScoring(), d => d.ServiceType == typeof(ISentimentScorer));
    }

    [Fact]
    public async Task AddAsyncSentimentScorer_replaces_only_the_async_scorer()
    {
        using ServiceProvider sp = new ServiceCollection().AddAsyncSentimentScorer<RemoteScorer>().BuildServiceProvider();
        Assert.IsType<RemoteScorer>(sp.GetRequiredService<IAsyncSentimentScorer>());
        Assert.IsType<LexiconSentimentScorer>(sp.GetRequiredService<ISentimentScorer>());
        IReadOnlyList<SentimentScore> scores = await sp.GetRequiredService<IAsyncSentimentScorer>().ScoreAllAsync(["a", "b", "c", "d", "e"]);
        Assert.Equal(5, scores.Count);
    }

    [Fact]
    public async Task ScoreAllAsync_batches_in_order_and_honours_cancellation()
    {
        var remote = new RemoteScorer();
        string[] texts = ["Great!", "Terrible", "ok", "Thanks so much", "Still waiting", "fine", "bad"];
        IReadOnlyList<SentimentScore> scores = await remote.ScoreAllAsync(texts);
        Assert.Equal(new[] { 2, 2, 2, 1 }, remote.BatchSizes);
        var local = new LexiconSentimentScorer();
        Assert.Equal(texts.Select(t => local.Score(t)), scores);

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await remote.ScoreAllAsync(texts, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await local.AsAsync().ScoreBatchAsync(texts, cts.Token));
    }

    [Fact]
    public void Adapters_round_trip_and_blocking_view_scores_like_the_remote()
    {
        var local = new LexiconSentimentScorer();
        Assert.Same(local, local.AsAsync().AsSynchronous());
        ISentimentScorer blocking = new RemoteScorer().AsSynchronous();
        Assert.Equal(local.Score("Thanks, that fixed it!"), blocking.Score("Thanks, that fixed it!"));
        string?[] texts = ["good", null, "bad"];
        var destination = new SentimentScore[3];
        blocking.ScoreBatch(texts, destination);
        Assert.Equal(local.Score("bad"), destination[2]);
        Assert.Equal(default, destination[1]);
    }

    [Fact]
    public async Task A_scorer_returning_the_wrong_number_of_scores_is_reported()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new BrokenScorer().ScoreAllAsync(["a", "b"]));
        Assert.Contains("returned 1 scores for a batch of 2", e.Message, StringComparison.Ordinal);
    }

    private sealed class FixedScorer : ISentimentScorer
    {
        public SentimentScore Score(ReadOnlySpan<char> text) => new(0.5, 1, 0, 0, SentimentLabel.Positive);

        public void ScoreBatch(ReadOnlySpan<string?> texts, Span<SentimentScore> destination) => destination[..texts.Length].Fill(Score(default));
    }

    /// <summary>A stand-in for a cloud scorer: batches of at most 2, answers asynchronously.</summary>
    private sealed class RemoteScorer : IAsyncSentimentScorer
    {
        private readonly LexiconSentimentScorer _inner = new();

        public List<int> BatchSizes { get; } = [];

        public int MaxBatchSize => 2;

        public async ValueTask<IReadOnlyList<SentimentScore>> ScoreBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Assert.True(texts.Count <= MaxBatchSize);
            BatchSizes.Add(texts.Count);
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return texts.Select(t => _inner.Score(t)).ToArray();
        }
    }

    private sealed class BrokenScorer : IAsyncSentimentScorer
    {
        public int MaxBatchSize => 10;

        public ValueTask<IReadOnlyList<SentimentScore>> ScoreBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<SentimentScore>>([default]);
    }
}

using System.Globalization;

namespace Engagement.Metrics.Surveys;

/// <summary>
/// The shared shape of the NPS, CSAT and CES accumulators: options plus a mergeable <see cref="ScoreHistogram"/>.
/// </summary>
/// <typeparam name="TSelf">The concrete accumulator.</typeparam>
/// <typeparam name="TOptions">Its options record.</typeparam>
/// <typeparam name="TResult">Its result.</typeparam>
/// <remarks>
/// Every batch is validated before it is applied, so a rejected batch leaves the accumulator exactly as it was.
/// The whole state (options and histogram) round-trips through System.Text.Json, so partial aggregates can be
/// stored and merged later, on other threads, processes or machines, with the same answer.
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own accumulator and merge them.</threadsafety>
public abstract class ScoreAccumulator<TSelf, TOptions, TResult> : IScoreAccumulator<TSelf>
    where TSelf : ScoreAccumulator<TSelf, TOptions, TResult>
    where TOptions : class, IEquatable<TOptions>
{
    private protected ScoreAccumulator(TOptions options, ScoreHistogram histogram, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Minimum != minimum || histogram.Maximum != maximum)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The histogram's scale {histogram.Minimum}..{histogram.Maximum} does not match the options' scale {minimum}..{maximum}."),
                nameof(histogram));
        }

        Options = options;
        Histogram = histogram;
    }

    /// <summary>The options every result is computed with.</summary>
    public TOptions Options { get; }

    /// <summary>The accumulated state: weight totals per scale point.</summary>
    public ScoreHistogram Histogram { get; }

    /// <inheritdoc />
    public long Count => Histogram.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The score is off the scale.</exception>
    public void Add(int score) => Histogram.Add(score);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The score is off the scale or the weight is negative or not finite.</exception>
    public void Add(int score, double weight) => Histogram.Add(score, weight);

    /// <summary>Adds a batch of scores; a batch with any score off the scale is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; the message names its index and value.</exception>
    public void AddRange(ReadOnlySpan<byte> scores) => Histogram.AddRange(scores);

    /// <inheritdoc cref="AddRange(ReadOnlySpan{byte})"/>
    public void AddRange(ReadOnlySpan<int> scores) => Histogram.AddRange(scores);

    /// <summary>Adds a batch of weighted scores; a batch with any bad score or weight is rejected whole.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="weights">One finite, non-negative weight per score.</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale or a weight is invalid; the message names the index and value.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void AddRange(ReadOnlySpan<int> scores, ReadOnlySpan<double> weights) => Histogram.AddRange(scores, weights);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options differ: results of differently configured accumulators cannot be combined.</exception>
    public void Merge(TSelf other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException($"Cannot merge accumulators with different options ({other.Options} into {Options}).", nameof(other));
        }

        Histogram.Merge(other.Histogram);
    }

    /// <inheritdoc />
    public abstract TSelf CreateEmpty();

    /// <summary>Computes the result of everything added so far.</summary>
    /// <returns>The result; with nothing added, Count = 0 and no value.</returns>
    public abstract TResult ToResult();
}

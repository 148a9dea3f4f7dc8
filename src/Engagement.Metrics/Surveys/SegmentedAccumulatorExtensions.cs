namespace Engagement.Metrics.Surveys;

/// <summary>Adding survey responses to a <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> of score accumulators.</summary>
public static class SegmentedAccumulatorExtensions
{
    /// <summary>Adds one response to a segment.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <typeparam name="TAccumulator">The score accumulator kept per key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment or period.</param>
    /// <param name="score">The score.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is off the scale (nothing is added, no segment is created).</exception>
    public static void Add<TKey, TAccumulator>(this SegmentedAccumulator<TKey, TAccumulator> segments, TKey key, int score)
        where TKey : notnull
        where TAccumulator : class, IScoreAccumulator<TAccumulator> =>
        Add(segments, key, score, 1);

    /// <summary>Adds one weighted response to a segment.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <typeparam name="TAccumulator">The score accumulator kept per key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment or period.</param>
    /// <param name="score">The score.</param>
    /// <param name="weight">The weight, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score or weight is invalid (nothing is added, no segment is created).</exception>
    public static void Add<TKey, TAccumulator>(this SegmentedAccumulator<TKey, TAccumulator> segments, TKey key, int score, double weight)
        where TKey : notnull
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        ArgumentNullException.ThrowIfNull(segments);
        segments.Add(key, (score, weight), static (accumulator, response) => accumulator.Add(response.score, response.weight));
    }
}

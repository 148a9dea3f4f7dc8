namespace Engagement.Metrics.Surveys;

/// <summary>
/// A mergeable accumulator of survey scores: what <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> needs to
/// keep one accumulator per segment or period.
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
public interface IScoreAccumulator<TSelf> : IMergeableAccumulator<TSelf>
    where TSelf : IScoreAccumulator<TSelf>
{
    /// <summary>Adds one response with weight 1.</summary>
    /// <param name="score">The score, on the scale.</param>
    void Add(int score);

    /// <summary>Adds one weighted response.</summary>
    /// <param name="score">The score, on the scale.</param>
    /// <param name="weight">The weight, finite and ≥ 0.</param>
    void Add(int score, double weight);
}

namespace Engagement.Metrics.Surveys;

/// <summary>
/// A mergeable accumulator of survey scores: what <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> needs to
/// keep one accumulator per segment or period.
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
public interface IScoreAccumulator<TSelf>
    where TSelf : IScoreAccumulator<TSelf>
{
    /// <summary>The number of responses added.</summary>
    long Count { get; }

    /// <summary>Adds one response with weight 1.</summary>
    /// <param name="score">The score, on the scale.</param>
    void Add(int score);

    /// <summary>Adds one weighted response.</summary>
    /// <param name="score">The score, on the scale.</param>
    /// <param name="weight">The weight, finite and ≥ 0.</param>
    void Add(int score, double weight);

    /// <summary>Adds another accumulator's responses to this one (associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    void Merge(TSelf other);

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    TSelf CreateEmpty();
}

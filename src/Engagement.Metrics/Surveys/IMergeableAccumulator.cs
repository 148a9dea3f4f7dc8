namespace Engagement.Metrics.Surveys;

/// <summary>
/// A mergeable accumulator: what <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> needs to keep one
/// accumulator per segment or period and merge them into the overall result (survey scores, sentiment, emotions).
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
public interface IMergeableAccumulator<TSelf>
    where TSelf : IMergeableAccumulator<TSelf>
{
    /// <summary>The number of observations added.</summary>
    long Count { get; }

    /// <summary>Adds another accumulator's observations to this one (associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    void Merge(TSelf other);

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    TSelf CreateEmpty();
}

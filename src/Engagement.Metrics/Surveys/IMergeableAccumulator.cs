namespace Engagement.Metrics.Surveys;

/// <summary>
/// A mergeable accumulator of any kind of record: what <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> needs
/// to keep one accumulator per segment or period and merge them into the overall result.
/// </summary>
/// <typeparam name="TSelf">The accumulator type itself.</typeparam>
/// <remarks>
/// Survey accumulators add scores (<see cref="IScoreAccumulator{TSelf}"/>); other areas (social posts, reviews) add
/// their own records and share only this contract, so one segmenting type serves every area.
/// </remarks>
public interface IMergeableAccumulator<TSelf>
    where TSelf : IMergeableAccumulator<TSelf>
{
    /// <summary>The number of records added.</summary>
    long Count { get; }

    /// <summary>Adds another accumulator's records to this one (associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    void Merge(TSelf other);

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    TSelf CreateEmpty();
}

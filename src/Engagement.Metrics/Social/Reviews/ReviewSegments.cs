using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Social.Reviews;

/// <summary>Adds reviews to a <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> of <see cref="ReviewAccumulator"/>s (by source or period).</summary>
public static class ReviewSegments
{
    /// <summary>Adds one review to the segment <paramref name="key"/>.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment or period, for example the review's source.</param>
    /// <param name="review">The review.</param>
    /// <exception cref="ArgumentOutOfRangeException">The review is invalid (nothing is added, no segment is created).</exception>
    public static void Add<TKey>(this SegmentedAccumulator<TKey, ReviewAccumulator> segments, TKey key, in Review review)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        segments.Add(key, review, static (accumulator, r) => accumulator.Add(r));
    }
}

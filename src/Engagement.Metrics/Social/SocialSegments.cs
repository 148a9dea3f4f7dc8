using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Social;

/// <summary>Adds posts to a <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> of <see cref="SocialAccumulator"/>s (by post, campaign, network or period).</summary>
/// <example>
/// <code>
/// var byNetwork = new SegmentedAccumulator&lt;string, SocialAccumulator&gt;(new SocialAccumulator());
/// foreach (SocialPost post in posts) byNetwork.Add(post.Network, post);
/// SocialResult instagram = byNetwork.Groups["instagram"].ToResult();
/// SocialResult overall = byNetwork.ToOverall().ToResult();
/// </code>
/// </example>
public static class SocialSegments
{
    /// <summary>Adds one post to the segment <paramref name="key"/>.</summary>
    /// <typeparam name="TKey">The segment or period key.</typeparam>
    /// <param name="segments">The segments.</param>
    /// <param name="key">The segment or period, for example the post's network or campaign.</param>
    /// <param name="post">The post.</param>
    /// <exception cref="ArgumentOutOfRangeException">The post is invalid (nothing is added, no segment is created).</exception>
    public static void Add<TKey>(this SegmentedAccumulator<TKey, SocialAccumulator> segments, TKey key, in SocialPost post)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(segments);
        segments.Add(key, post, static (accumulator, p) => accumulator.Add(p));
    }
}

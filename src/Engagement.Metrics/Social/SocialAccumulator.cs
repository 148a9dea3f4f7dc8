using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Social;

/// <summary>A mergeable, JSON-serializable streaming accumulator of social posts.</summary>
/// <remarks>
/// The state is a handful of sums (<see cref="Totals"/>), so merging is exact for counts and associative and
/// commutative. Keep one per post, campaign, network or period with
/// <see cref="SegmentedAccumulator{TKey, TAccumulator}"/> and <see cref="SocialSegments"/>.
/// Every batch is validated completely before anything is applied.
/// </remarks>
/// <threadsafety>Not thread-safe: give each thread its own accumulator and merge them.</threadsafety>
public sealed class SocialAccumulator : IMergeableAccumulator<SocialAccumulator>
{
    private SocialSums _sums;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Interaction weights and confidence level; <see cref="SocialOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SocialAccumulator(SocialOptions? options = null)
    {
        Options = (options ?? SocialOptions.Default).Validate();
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="totals">The accumulated totals.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    [JsonConstructor]
    public SocialAccumulator(SocialOptions options, SocialResult totals)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        _sums = SocialSums.From(totals);
    }

    /// <summary>The options every result is computed with.</summary>
    public SocialOptions Options { get; }

    /// <summary>The accumulated totals (the same as <see cref="ToResult"/>).</summary>
    public SocialResult Totals => ToResult();

    /// <summary>The number of posts added.</summary>
    public long Count => _sums.Posts;

    /// <summary>Adds one post.</summary>
    /// <param name="post">The post.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, reach exceeds impressions, or poll votes exceed poll reach; the message names the post id, field and value, and nothing is added.</exception>
    public void Add(in SocialPost post)
    {
        SocialSums.Validate(post, nameof(post), -1);
        _sums.Add(post, Options);
    }

    /// <summary>Adds a batch of posts; a batch with any invalid post is rejected whole.</summary>
    /// <param name="posts">The posts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A post is invalid; the message names its index, id, field and value.</exception>
    public void AddRange(ReadOnlySpan<SocialPost> posts)
    {
        for (int i = 0; i < posts.Length; i++)
        {
            SocialSums.Validate(posts[i], nameof(posts), i);
        }

        for (int i = 0; i < posts.Length; i++)
        {
            _sums.Add(posts[i], Options);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options differ (nothing is merged).</exception>
    public void Merge(SocialAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException($"Cannot merge social accumulators with different options ({other.Options} into {Options}).", nameof(other));
        }

        _sums.Merge(other._sums);
    }

    /// <inheritdoc />
    public SocialAccumulator CreateEmpty() => new(Options);

    /// <summary>The result over every post added so far.</summary>
    /// <returns>The result.</returns>
    public SocialResult ToResult() => _sums.ToResult(Options.ConfidenceLevel);
}

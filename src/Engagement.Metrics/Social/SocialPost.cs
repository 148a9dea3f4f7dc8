using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Social;

/// <summary>One social-media post with the counts a network reports for it.</summary>
/// <remarks>
/// <para>
/// Reach, impressions and followers are nullable because networks do not all report all three; a post without a
/// denominator is left out of the rates that need it (and only of those), so rates never mix posts that report
/// different things. Saves, clicks and poll counts are optional too.
/// </para>
/// <para>
/// The constructor does not check values; the calculators and accumulators do, and their errors name the post id,
/// the field and the value: counts must be ≥ 0, reach ≤ impressions (each impression is one view, reach counts
/// unique viewers), poll votes ≤ poll reach.
/// </para>
/// </remarks>
public readonly struct SocialPost : IEquatable<SocialPost>
{
    /// <summary>Creates a post (also the JSON constructor).</summary>
    /// <param name="postId">The post's identifier, used in error messages.</param>
    /// <param name="network">The network, for example <c>instagram</c>.</param>
    /// <param name="publishedAt">When the post was published.</param>
    /// <param name="reach">Unique accounts reached, or null when the network does not report it.</param>
    /// <param name="impressions">Times displayed, or null when not reported.</param>
    /// <param name="followers">Followers of the account at post time, or null when not known.</param>
    /// <param name="likes">Likes (reactions).</param>
    /// <param name="comments">Comments (replies).</param>
    /// <param name="shares">Shares (reposts, retweets).</param>
    [JsonConstructor]
    public SocialPost(string postId, string network, DateTimeOffset publishedAt, long? reach, long? impressions, long? followers, long likes, long comments, long shares)
    {
        PostId = postId;
        Network = network;
        PublishedAt = publishedAt;
        Reach = reach;
        Impressions = impressions;
        Followers = followers;
        Likes = likes;
        Comments = comments;
        Shares = shares;
    }

    /// <summary>The post's identifier.</summary>
    public string PostId { get; }

    /// <summary>The network the post was published on.</summary>
    public string Network { get; }

    /// <summary>The campaign the post belongs to, or null.</summary>
    public string? Campaign { get; init; }

    /// <summary>When the post was published.</summary>
    public DateTimeOffset PublishedAt { get; }

    /// <summary>Unique accounts that saw the post, or null when not reported.</summary>
    public long? Reach { get; }

    /// <summary>Times the post was displayed (repeats included), or null when not reported.</summary>
    public long? Impressions { get; }

    /// <summary>Followers of the account when the post was published, or null when not known.</summary>
    public long? Followers { get; }

    /// <summary>Likes (reactions).</summary>
    public long Likes { get; }

    /// <summary>Comments (replies).</summary>
    public long Comments { get; }

    /// <summary>Shares (reposts, retweets).</summary>
    public long Shares { get; }

    /// <summary>Saves (bookmarks), or null when not reported; counted as an interaction when present.</summary>
    public long? Saves { get; init; }

    /// <summary>Link clicks, or null when not reported; summed, but not counted as an interaction.</summary>
    public long? Clicks { get; init; }

    /// <summary>Votes cast in a poll attached to the post, or null when the post has no poll.</summary>
    public long? PollVotes { get; init; }

    /// <summary>Accounts the poll was shown to, or null to use <see cref="Reach"/>.</summary>
    public long? PollReach { get; init; }

    /// <inheritdoc />
    public bool Equals(SocialPost other) =>
        string.Equals(PostId, other.PostId, StringComparison.Ordinal) &&
        string.Equals(Network, other.Network, StringComparison.Ordinal) &&
        string.Equals(Campaign, other.Campaign, StringComparison.Ordinal) &&
        PublishedAt.Equals(other.PublishedAt) && Reach == other.Reach && Impressions == other.Impressions &&
        Followers == other.Followers && Likes == other.Likes && Comments == other.Comments && Shares == other.Shares &&
        Saves == other.Saves && Clicks == other.Clicks && PollVotes == other.PollVotes && PollReach == other.PollReach;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SocialPost other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(PostId, StringComparer.Ordinal);
        hash.Add(Network, StringComparer.Ordinal);
        hash.Add(Campaign, StringComparer.Ordinal);
        hash.Add(PublishedAt);
        hash.Add(Reach);
        hash.Add(Impressions);
        hash.Add(Followers);
        hash.Add(Likes);
        hash.Add(Comments);
        hash.Add(Shares);
        hash.Add(Saves);
        hash.Add(Clicks);
        hash.Add(PollVotes);
        hash.Add(PollReach);
        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>p1 (instagram): reach 1000, 40 likes, 5 comments, 3 shares</c>.</summary>
    /// <returns>The formatted post.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PostId} ({Network}): reach {Reach}, {Likes} likes, {Comments} comments, {Shares} shares");

    /// <summary>Compares two posts for equality.</summary>
    /// <param name="left">The first post.</param>
    /// <param name="right">The second post.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(SocialPost left, SocialPost right) => left.Equals(right);

    /// <summary>Compares two posts for inequality.</summary>
    /// <param name="left">The first post.</param>
    /// <param name="right">The second post.</param>
    /// <returns><see langword="true"/> when any field differs.</returns>
    public static bool operator !=(SocialPost left, SocialPost right) => !left.Equals(right);
}

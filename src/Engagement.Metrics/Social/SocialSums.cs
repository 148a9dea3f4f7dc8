using System.Globalization;

namespace Engagement.Metrics.Social;

/// <summary>The mutable running totals behind <see cref="SocialResult"/>: plain long/double sums, so adding a post allocates nothing.</summary>
internal struct SocialSums
{
    public long Posts;
    public long Likes;
    public long Comments;
    public long Shares;
    public long Saves;
    public long Clicks;
    public double Weighted;
    public DenominatorSums Reach;
    public DenominatorSums Impressions;
    public DenominatorSums Followers;
    public long PollPosts;
    public long PollVotes;
    public long PollReach;

    public static SocialSums From(in SocialResult r) => new()
    {
        Posts = r.Posts,
        Likes = r.Likes,
        Comments = r.Comments,
        Shares = r.Shares,
        Saves = r.Saves,
        Clicks = r.Clicks,
        Weighted = r.WeightedInteractions,
        Reach = DenominatorSums.From(r.ByReach),
        Impressions = DenominatorSums.From(r.ByImpressions),
        Followers = DenominatorSums.From(r.ByFollowers),
        PollPosts = r.PollPosts,
        PollVotes = r.PollVotes,
        PollReach = r.PollReach,
    };

    /// <summary>Adds a post that <see cref="Validate"/> accepted.</summary>
    public void Add(in SocialPost post, SocialOptions options)
    {
        long saves = post.Saves.GetValueOrDefault();
        long interactions = post.Likes + post.Comments + post.Shares + saves;
        double weighted = (options.LikeWeight * post.Likes) + (options.CommentWeight * post.Comments) +
                          (options.ShareWeight * post.Shares) + (options.SaveWeight * saves);
        Posts++;
        Likes += post.Likes;
        Comments += post.Comments;
        Shares += post.Shares;
        Saves += saves;
        Clicks += post.Clicks.GetValueOrDefault();
        Weighted += weighted;
        if (post.Reach is { } reach)
        {
            Reach.Add(reach, interactions, weighted, post.Shares);
        }

        if (post.Impressions is { } impressions)
        {
            Impressions.Add(impressions, interactions, weighted, post.Shares);
        }

        if (post.Followers is { } followers)
        {
            Followers.Add(followers, interactions, weighted, post.Shares);
        }

        if (post.PollVotes is { } votes && (post.PollReach ?? post.Reach) is { } pollReach)
        {
            PollPosts++;
            PollVotes += votes;
            PollReach += pollReach;
        }
    }

    public void Merge(in SocialSums other)
    {
        Posts += other.Posts;
        Likes += other.Likes;
        Comments += other.Comments;
        Shares += other.Shares;
        Saves += other.Saves;
        Clicks += other.Clicks;
        Weighted += other.Weighted;
        Reach.Merge(other.Reach);
        Impressions.Merge(other.Impressions);
        Followers.Merge(other.Followers);
        PollPosts += other.PollPosts;
        PollVotes += other.PollVotes;
        PollReach += other.PollReach;
    }

    public readonly SocialResult ToResult(double level) => new(
        Posts, Likes, Comments, Shares, Saves, Clicks, Weighted,
        Reach.ToRate(EngagementDenominator.Reach, level),
        Impressions.ToRate(EngagementDenominator.Impressions, level),
        Followers.ToRate(EngagementDenominator.Followers, level),
        PollPosts, PollVotes, PollReach, level);

    /// <summary>Checks one post; the message names the position, the post id, the field and the value.</summary>
    public static void Validate(in SocialPost post, string paramName, int index)
    {
        NonNegative(post, paramName, index, post.Likes, nameof(SocialPost.Likes));
        NonNegative(post, paramName, index, post.Comments, nameof(SocialPost.Comments));
        NonNegative(post, paramName, index, post.Shares, nameof(SocialPost.Shares));
        NonNegative(post, paramName, index, post.Reach, nameof(SocialPost.Reach));
        NonNegative(post, paramName, index, post.Impressions, nameof(SocialPost.Impressions));
        NonNegative(post, paramName, index, post.Followers, nameof(SocialPost.Followers));
        NonNegative(post, paramName, index, post.Saves, nameof(SocialPost.Saves));
        NonNegative(post, paramName, index, post.Clicks, nameof(SocialPost.Clicks));
        NonNegative(post, paramName, index, post.PollVotes, nameof(SocialPost.PollVotes));
        NonNegative(post, paramName, index, post.PollReach, nameof(SocialPost.PollReach));
        if (post.Reach > post.Impressions)
        {
            Throw(post, paramName, index, post.Reach.Value, $"Reach is {post.Reach} but Impressions is {post.Impressions}; reach counts unique viewers and cannot exceed impressions. Check that the two columns are not swapped.");
        }

        if (post.PollVotes is { } votes && (post.PollReach ?? post.Reach) is { } pollReach && votes > pollReach)
        {
            Throw(post, paramName, index, votes, $"PollVotes is {votes} but the poll reached {pollReach} accounts; votes cannot exceed the poll's reach.");
        }
    }

    private static void NonNegative(in SocialPost post, string paramName, int index, long? value, string field)
    {
        if (value < 0)
        {
            Throw(post, paramName, index, value.Value, $"{field} is {value}; counts must be >= 0.");
        }
    }

    private static void Throw(in SocialPost post, string paramName, int index, long value, string problem)
    {
        string where = index >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] (post '{post.PostId}')")
            : string.Create(CultureInfo.InvariantCulture, $"{paramName} (post '{post.PostId}')");
        throw new ArgumentOutOfRangeException(paramName, value, $"{where}: {problem}{(index >= 0 ? " Nothing from this batch was added." : "")}");
    }
}

/// <summary>The totals behind one <see cref="EngagementRate"/>.</summary>
internal struct DenominatorSums
{
    public long Posts;
    public long Total;
    public long Interactions;
    public double Weighted;
    public long Shares;

    public static DenominatorSums From(in EngagementRate r) => new()
    {
        Posts = r.Posts,
        Total = r.Total,
        Interactions = r.Interactions,
        Weighted = r.WeightedInteractions,
        Shares = r.Shares,
    };

    public void Add(long total, long interactions, double weighted, long shares)
    {
        Posts++;
        Total += total;
        Interactions += interactions;
        Weighted += weighted;
        Shares += shares;
    }

    public void Merge(in DenominatorSums other)
    {
        Posts += other.Posts;
        Total += other.Total;
        Interactions += other.Interactions;
        Weighted += other.Weighted;
        Shares += other.Shares;
    }

    public readonly EngagementRate ToRate(EngagementDenominator denominator, double level) =>
        new(denominator, Posts, Total, Interactions, Weighted, Shares, level);
}

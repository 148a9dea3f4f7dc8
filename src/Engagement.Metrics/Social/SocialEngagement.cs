using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Social;

/// <summary>Social-media engagement over a set of posts: engagement rates by reach, impressions and followers, weighted interactions, amplification, conversation, applause and poll participation.</summary>
/// <remarks>See <see cref="SocialResult"/> and <see cref="EngagementRate"/> for the formulas and docs/metrics/social-engagement.md for worked examples.</remarks>
public static class SocialEngagement
{
    /// <summary>Computes every social metric over <paramref name="posts"/>.</summary>
    /// <param name="posts">The posts; empty gives a result without values.</param>
    /// <param name="options">Interaction weights and confidence level; <see cref="SocialOptions.Default"/> when null.</param>
    /// <returns>The totals and rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, reach exceeds impressions, or poll votes exceed poll reach; the message names the index, post id, field and value.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static SocialResult Calculate(ReadOnlySpan<SocialPost> posts, SocialOptions? options = null)
    {
        options = (options ?? SocialOptions.Default).Validate();
        var sums = default(SocialSums);
        for (int i = 0; i < posts.Length; i++)
        {
            SocialSums.Validate(posts[i], nameof(posts), i);
            sums.Add(posts[i], options);
        }

        return sums.ToResult(options.ConfidenceLevel);
    }

    /// <summary>Compares two engagement rates with the same denominator (for example two campaigns): A − B with a z test.</summary>
    /// <param name="a">Rate A.</param>
    /// <param name="b">Rate B.</param>
    /// <param name="level">The confidence level of the difference's interval; A's level when null.</param>
    /// <returns>The difference of the rates, its standard error <c>√(SE_A² + SE_B²)</c>, interval and p-value; no value when either rate has no binomial standard error.</returns>
    /// <exception cref="ArgumentException">The rates have different denominators: a rate by reach cannot be compared with a rate by followers.</exception>
    /// <remarks>Both rates are treated as independent binomial proportions (see <see cref="EngagementRate"/>); the interval ignores post-to-post variation and is therefore optimistic.</remarks>
    public static Comparison Compare(EngagementRate a, EngagementRate b, double? level = null)
    {
        if (a.Denominator != b.Denominator)
        {
            throw new ArgumentException($"Cannot compare a rate by {a.Denominator} with a rate by {b.Denominator}; compute both with the same denominator.", nameof(b));
        }

        return Comparison.Normal(a.Rate, a.StandardError, b.Rate, b.StandardError, level ?? a.ConfidenceLevel);
    }

    /// <summary>Compares the engagement rates of two results (for example two campaigns) with the given denominator.</summary>
    /// <param name="a">Result A.</param>
    /// <param name="b">Result B.</param>
    /// <param name="denominator">Reach, impressions or followers.</param>
    /// <returns>A − B, as in <see cref="Compare(EngagementRate, EngagementRate, double?)"/>.</returns>
    public static Comparison Compare(SocialResult a, SocialResult b, EngagementDenominator denominator) =>
        Compare(a.Rate(denominator), b.Rate(denominator), a.ConfidenceLevel);
}

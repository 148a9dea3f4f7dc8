namespace Engagement.Metrics.Social;

/// <summary>What an engagement rate divides interactions by. A rate always names its denominator; rates with different denominators are never mixed.</summary>
public enum EngagementDenominator
{
    /// <summary>Reach: the unique accounts that saw the post. Rate = interactions / reach.</summary>
    Reach,

    /// <summary>Impressions: every time the post was displayed, repeats included. Rate = interactions / impressions.</summary>
    Impressions,

    /// <summary>Followers of the account when the post was published. Rate = interactions / followers.</summary>
    Followers,
}

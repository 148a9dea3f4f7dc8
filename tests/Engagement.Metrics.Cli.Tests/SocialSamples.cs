namespace Engagement.Metrics.Cli.Tests;

/// <summary>Input shared by the social and reputation command tests.</summary>
internal static class SocialSamples
{
    // The four posts of the worked example in docs/metrics/social-engagement.md.
    public const string DocPosts = """
        post_id,network,campaign,published_at,reach,impressions,followers,likes,comments,shares,saves,poll_votes,poll_reach
        p1,instagram,spring,2026-03-02T09:00:00Z,2000,2600,10000,120,18,6,10,,
        p2,instagram,spring,2026-03-05T09:00:00Z,1500,1900,10000,60,4,2,,,
        p3,linkedin,launch,2026-03-03T09:00:00Z,800,1200,4000,30,6,8,,,
        p4,linkedin,launch,2026-03-10T09:00:00Z,,900,4000,12,1,1,,45,600
        """;
}

using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class SocialCalculator(SocialOptions socialOptions, ReviewOptions reviewOptions, ReputationOptions reputationOptions) : ISocialCalculator
{
    public SocialResult Calculate(ReadOnlySpan<SocialPost> posts) => SocialEngagement.Calculate(posts, socialOptions);

    public ReviewResult CalculateReviews(ReadOnlySpan<Review> reviews) => ReviewMetrics.Calculate(reviews, reviewOptions);

    public ReputationScore CalculateReputation(ReviewResult reviews, SocialResult? social, DateTimeOffset asOf) =>
        ReputationScoring.Calculate(reviews, social, asOf, reputationOptions);
}

using Engagement.Metrics.Social;
using Engagement.Metrics.Social.Reputation;
using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Social engagement, review and reputation KPIs with the registered options: the injectable face of
/// <see cref="SocialEngagement"/>, <see cref="ReviewMetrics"/> and <see cref="ReputationScoring"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options.</remarks>
public interface ISocialCalculator
{
    /// <summary>Engagement rates, weighted interactions and amplification; see <see cref="SocialEngagement.Calculate"/>.</summary>
    /// <param name="posts">The posts.</param>
    /// <returns>The social KPIs.</returns>
    SocialResult Calculate(ReadOnlySpan<SocialPost> posts);

    /// <summary>Review rating, response rate and response time; see <see cref="ReviewMetrics.Calculate"/>.</summary>
    /// <param name="reviews">The reviews.</param>
    /// <returns>The review KPIs.</returns>
    ReviewResult CalculateReviews(ReadOnlySpan<Review> reviews);

    /// <summary>The composite reputation score of one period; see <see cref="ReputationScoring.Calculate"/>.</summary>
    /// <param name="reviews">The period's review result.</param>
    /// <param name="social">The period's social result, or null to leave the engagement component out.</param>
    /// <param name="asOf">The instant recency is measured at, typically the end of the period.</param>
    /// <returns>The score and its components.</returns>
    ReputationScore CalculateReputation(ReviewResult reviews, SocialResult? social, DateTimeOffset asOf);
}

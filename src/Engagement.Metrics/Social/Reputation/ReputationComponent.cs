namespace Engagement.Metrics.Social.Reputation;

/// <summary>The parts a reputation score is built from; each is scaled to a value in [0, 1].</summary>
public enum ReputationComponent
{
    /// <summary>Rating level: the Bayesian average rating mapped to [0, 1], <c>(B − 1)/(S − 1)</c> on scale 1..S.</summary>
    Rating,

    /// <summary>Review volume: <c>min(1, ln(1 + n) / ln(1 + target))</c>, so each doubling of reviews adds about the same.</summary>
    Volume,

    /// <summary>Recency: <c>0.5^(days since the newest review / half-life)</c>.</summary>
    Recency,

    /// <summary>Response rate: the share of reviews with a public response.</summary>
    ResponseRate,

    /// <summary>Response speed: <c>0.5^(median response time / half-life)</c>.</summary>
    ResponseSpeed,

    /// <summary>Sentiment: the mean review sentiment mapped from −1..1 to [0, 1], <c>(s + 1)/2</c>.</summary>
    Sentiment,

    /// <summary>Social engagement: <c>min(1, engagement rate / target rate)</c>.</summary>
    Engagement,
}

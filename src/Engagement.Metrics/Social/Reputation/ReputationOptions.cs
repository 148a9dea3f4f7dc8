using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Social.Reputation;

/// <summary>The component weights and scaling constants of the reputation score.</summary>
/// <remarks>
/// <para>
/// <c>Score = 1000 × Σ wᵢ·vᵢ / Σ wᵢ</c> over the components that have a value (vᵢ in [0, 1]); a component without
/// data (no sentiment scores, no social results, no responses) is left out and the other weights are rescaled, so the
/// score stays on 0..1000 and each contribution's points still add up to it.
/// </para>
/// <para>
/// Every default here is ours, chosen to be explainable rather than taken from a published standard (commercial
/// reputation scores do not publish their weights): rating 35 %, volume 15 %, recency 10 %, response rate 15 %,
/// response speed 5 %, sentiment 10 %, engagement 10 %; 100 reviews for full volume; a 30-day recency half-life; a
/// 24-hour response-speed half-life; 5 % engagement by reach for full engagement. Tune them to your market and
/// keep them fixed across the periods you compare.
/// </para>
/// </remarks>
public sealed record ReputationOptions
{
    /// <summary>The default options (see the remarks).</summary>
    public static ReputationOptions Default { get; } = new();

    /// <summary>The weight of <see cref="ReputationComponent.Rating"/>.</summary>
    /// <value>The default is 0.35.</value>
    public double RatingWeight { get; init; } = 0.35;

    /// <summary>The weight of <see cref="ReputationComponent.Volume"/>.</summary>
    /// <value>The default is 0.15.</value>
    public double VolumeWeight { get; init; } = 0.15;

    /// <summary>The weight of <see cref="ReputationComponent.Recency"/>.</summary>
    /// <value>The default is 0.10.</value>
    public double RecencyWeight { get; init; } = 0.10;

    /// <summary>The weight of <see cref="ReputationComponent.ResponseRate"/>.</summary>
    /// <value>The default is 0.15.</value>
    public double ResponseRateWeight { get; init; } = 0.15;

    /// <summary>The weight of <see cref="ReputationComponent.ResponseSpeed"/>.</summary>
    /// <value>The default is 0.05.</value>
    public double ResponseSpeedWeight { get; init; } = 0.05;

    /// <summary>The weight of <see cref="ReputationComponent.Sentiment"/>.</summary>
    /// <value>The default is 0.10.</value>
    public double SentimentWeight { get; init; } = 0.10;

    /// <summary>The weight of <see cref="ReputationComponent.Engagement"/>.</summary>
    /// <value>The default is 0.10.</value>
    public double EngagementWeight { get; init; } = 0.10;

    /// <summary>The review count at which the volume component reaches 1.</summary>
    /// <value>The default is 100.</value>
    public double VolumeTarget { get; init; } = 100;

    /// <summary>The age of the newest review at which the recency component halves.</summary>
    /// <value>The default is 30 days.</value>
    public TimeSpan RecencyHalfLife { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The median response time at which the response-speed component halves.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan ResponseSpeedHalfLife { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The engagement rate that earns the full engagement component.</summary>
    /// <value>The default is 0.05 (5 %).</value>
    public double EngagementTarget { get; init; } = 0.05;

    /// <summary>Which engagement rate the engagement component reads.</summary>
    /// <value>The default is <see cref="EngagementDenominator.Reach"/>.</value>
    public EngagementDenominator EngagementDenominator { get; init; } = EngagementDenominator.Reach;

    /// <summary>The configured weight of a component.</summary>
    /// <param name="component">The component.</param>
    /// <returns>Its weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The component is not a defined value.</exception>
    public double Weight(ReputationComponent component) => component switch
    {
        ReputationComponent.Rating => RatingWeight,
        ReputationComponent.Volume => VolumeWeight,
        ReputationComponent.Recency => RecencyWeight,
        ReputationComponent.ResponseRate => ResponseRateWeight,
        ReputationComponent.ResponseSpeed => ResponseSpeedWeight,
        ReputationComponent.Sentiment => SentimentWeight,
        ReputationComponent.Engagement => EngagementWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown reputation component."),
    };

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ReputationOptions Validate()
    {
        double sum = RatingWeight + VolumeWeight + RecencyWeight + ResponseRateWeight + ResponseSpeedWeight + SentimentWeight + EngagementWeight;
        new OptionsValidation(nameof(ReputationOptions))
            .Require(IsWeight(RatingWeight), $"RatingWeight is {RatingWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(VolumeWeight), $"VolumeWeight is {VolumeWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(RecencyWeight), $"RecencyWeight is {RecencyWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(ResponseRateWeight), $"ResponseRateWeight is {ResponseRateWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(ResponseSpeedWeight), $"ResponseSpeedWeight is {ResponseSpeedWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(SentimentWeight), $"SentimentWeight is {SentimentWeight}; weights must be finite and >= 0.")
            .Require(IsWeight(EngagementWeight), $"EngagementWeight is {EngagementWeight}; weights must be finite and >= 0.")
            .Require(sum > 0, $"The weights sum to {sum}; at least one must be positive.")
            .Require(VolumeTarget >= 1 && double.IsFinite(VolumeTarget), $"VolumeTarget is {VolumeTarget}; it must be a finite number >= 1.")
            .Require(RecencyHalfLife > TimeSpan.Zero, $"RecencyHalfLife is {RecencyHalfLife}; it must be positive.")
            .Require(ResponseSpeedHalfLife > TimeSpan.Zero, $"ResponseSpeedHalfLife is {ResponseSpeedHalfLife}; it must be positive.")
            .Require(EngagementTarget > 0 && double.IsFinite(EngagementTarget), $"EngagementTarget is {EngagementTarget}; it must be finite and > 0.")
            .Require(Enum.IsDefined(EngagementDenominator), $"EngagementDenominator is {EngagementDenominator}; use Reach, Impressions or Followers.")
            .ThrowIfInvalid();
        return this;
    }

    private static bool IsWeight(double w) => w >= 0 && double.IsFinite(w);
}

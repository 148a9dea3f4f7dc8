using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Triage;

/// <summary>The thresholds of <see cref="TriageAlerts"/>: when a customer has turned passive or hostile.</summary>
/// <remarks>
/// The defaults are ours: a fall of more than 15 points on the 0–100 engagement score, or below 30; a compound
/// sentiment of −0.5 or lower (VADER's "clearly negative" zone; the label threshold is −0.05), or a fall of more than 0.5
/// from the customer's previous mean.
/// </remarks>
public sealed record TriageAlertOptions
{
    /// <summary>Our defaults.</summary>
    public static TriageAlertOptions Default { get; } = new();

    /// <summary>The engagement fall (previous − current, in points of the 0–100 score) beyond which a customer turned passive.</summary>
    /// <value>15.</value>
    public double EngagementDrop { get; init; } = 15;

    /// <summary>The engagement score below which a customer who was at or above it turned passive.</summary>
    /// <value>30.</value>
    public double EngagementFloor { get; init; } = 30;

    /// <summary>The compound sentiment at or below which a customer is hostile.</summary>
    /// <value>−0.5.</value>
    public double HostileCompound { get; init; } = -0.5;

    /// <summary>The fall of compound sentiment from the previous mean beyond which a customer turned hostile.</summary>
    /// <value>0.5.</value>
    public double SentimentDrop { get; init; } = 0.5;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A threshold is NaN or outside its scale.</exception>
    public TriageAlertOptions Validate()
    {
        new OptionsValidation(nameof(TriageAlertOptions))
            .Require(EngagementDrop > 0 && EngagementDrop <= 100, $"EngagementDrop is {EngagementDrop}; use points in (0, 100], for example 15.")
            .Require(EngagementFloor >= 0 && EngagementFloor <= 100, $"EngagementFloor is {EngagementFloor}; use a score in [0, 100], for example 30.")
            .Require(HostileCompound >= -1 && HostileCompound <= 1, $"HostileCompound is {HostileCompound}; use a compound in [-1, 1], for example -0.5.")
            .Require(SentimentDrop > 0 && SentimentDrop <= 2, $"SentimentDrop is {SentimentDrop}; use a fall in (0, 2], for example 0.5.")
            .ThrowIfInvalid();
        return this;
    }
}

using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Retention;

/// <summary>Options of the Kaplan–Meier estimator.</summary>
public sealed record SurvivalOptions
{
    /// <summary>The defaults: 95 % confidence bands.</summary>
    public static SurvivalOptions Default { get; } = new();

    /// <summary>The level of the pointwise Greenwood confidence bands.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public SurvivalOptions Validate()
    {
        new OptionsValidation(nameof(SurvivalOptions)).RequireConfidenceLevel(ConfidenceLevel).ThrowIfInvalid();
        return this;
    }
}

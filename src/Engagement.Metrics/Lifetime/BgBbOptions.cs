using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>How <see cref="BgBb.Fit"/> fits the BG/BB model.</summary>
/// <remarks>The fit always starts from α = β = γ = δ = 1 (the start lifetimes uses).</remarks>
public sealed record BgBbOptions
{
    /// <summary>The defaults: <see cref="FitOptions.Default"/>.</summary>
    public static BgBbOptions Default { get; } = new();

    /// <summary>The optimiser's stopping rules.</summary>
    /// <value>The default is <see cref="FitOptions.Default"/> (500 iterations, gradient tolerance 1e-9 relative).</value>
    public FitOptions Fit { get; init; } = FitOptions.Default;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public BgBbOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Fit, nameof(Fit));
        Fit.Validate();
        return this;
    }
}

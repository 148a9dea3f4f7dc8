using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>How <see cref="ParetoNbd.Fit"/> fits the Pareto/NBD model.</summary>
/// <remarks>
/// The fit always starts from r = α = s = β = 1 (the start lifetimes and BTYD use); the likelihood is smooth in
/// log-parameters and the optimiser reaches the published CDNOW optimum from there.
/// </remarks>
public sealed record ParetoNbdOptions
{
    /// <summary>The defaults: <see cref="FitOptions.Default"/>.</summary>
    public static ParetoNbdOptions Default { get; } = new();

    /// <summary>The optimiser's stopping rules.</summary>
    /// <value>The default is <see cref="FitOptions.Default"/> (500 iterations, gradient tolerance 1e-9 relative).</value>
    public FitOptions Fit { get; init; } = FitOptions.Default;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public ParetoNbdOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Fit, nameof(Fit));
        Fit.Validate();
        return this;
    }
}

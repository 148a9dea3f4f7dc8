using Engagement.Metrics.Internal;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// How the lifetime-value models (BG/NBD, modified BG/NBD, Gamma-Gamma) are fitted by maximum likelihood, and what
/// happens when the optimiser does not converge.
/// </summary>
/// <remarks>
/// The optimiser is the shared BFGS over log-parameters (docs/statistics.md, "Model fitting"). A fit that stops
/// without converging is always reported in the model's <c>Diagnostics</c>; <see cref="RequireConvergence"/> turns it
/// into an exception for callers who would rather fail than check.
/// </remarks>
public sealed record LifetimeFitOptions
{
    /// <summary>The standard options: <see cref="FitOptions.Default"/>, non-convergence reported in the diagnostics.</summary>
    public static LifetimeFitOptions Default { get; } = new();

    /// <summary>The optimiser's stopping rules.</summary>
    /// <value>The default is <see cref="FitOptions.Default"/> (500 iterations, gradient tolerance 1e-9).</value>
    public FitOptions Fit { get; init; } = FitOptions.Default;

    /// <summary>Whether a fit that did not converge throws <see cref="InvalidOperationException"/> instead of returning a model whose diagnostics say so.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool RequireConvergence { get; init; }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public LifetimeFitOptions Validate()
    {
        new OptionsValidation(nameof(LifetimeFitOptions))
            .Require(Fit is not null, $"Fit is null; use FitOptions.Default.")
            .ThrowIfInvalid();
        Fit!.Validate();
        return this;
    }
}

using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// Stopping rules for the maximum-likelihood fits of the retention and lifetime-value models.
/// </summary>
/// <remarks>
/// The defaults converge every published reference data set in the test suite with room to spare; raise
/// <see cref="MaxIterations"/> only for unusual data, and check <see cref="FitDiagnostics.Converged"/> either way.
/// </remarks>
public sealed record FitOptions
{
    /// <summary>The defaults: at most 500 iterations, gradient tolerance 1e-9 relative to the objective.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>The most BFGS iterations to run.</summary>
    /// <value>The default is 500.</value>
    public int MaxIterations { get; init; } = 500;

    /// <summary>
    /// The fit has converged when every gradient component is at most this times max(1, |negative log-likelihood|).
    /// </summary>
    /// <value>The default is 1e-9 (for CDNOW's log-likelihood of about −9,600, a gradient below 1e-5).</value>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public FitOptions Validate()
    {
        new OptionsValidation(nameof(FitOptions))
            .Require(MaxIterations > 0, $"MaxIterations is {MaxIterations}; it must be at least 1.")
            .Require(GradientTolerance > 0 && double.IsFinite(GradientTolerance), $"GradientTolerance is {GradientTolerance}; it must be a finite number > 0, for example 1e-9.")
            .ThrowIfInvalid();
        return this;
    }
}

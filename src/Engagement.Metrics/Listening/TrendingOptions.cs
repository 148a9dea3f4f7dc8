using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Listening;

/// <summary>When a theme counts as trending: the log-likelihood threshold and the minimum count in the current period.</summary>
/// <remarks>
/// The default threshold 10.83 is the 0.999 quantile of the χ² distribution with one degree of freedom, so a term is
/// reported when its rise would occur by chance with probability below 0.001 if its rate had not changed (Dunning
/// 1993; Rayson and Garside 2000 use the same cut-offs: 3.84 ≈ p &lt; 0.05, 6.63 ≈ p &lt; 0.01, 10.83 ≈ p &lt; 0.001,
/// 15.13 ≈ p &lt; 0.0001). Many terms are tested at once, so a strict default limits false alarms.
/// </remarks>
public sealed record TrendingOptions
{
    /// <summary>The default options: G² ≥ 10.83 (p &lt; 0.001), at least 5 occurrences in the current period.</summary>
    public static TrendingOptions Default { get; } = new();

    /// <summary>The smallest G² (log-likelihood ratio statistic, ≥ 0) reported as a significant rise.</summary>
    /// <value>The default is 10.83 (χ²₁ at p = 0.001).</value>
    public double Threshold { get; init; } = 10.83;

    /// <summary>The smallest number of occurrences in the current period for a term to be tested, ≥ 1.</summary>
    /// <value>The default is 5.</value>
    public long MinimumCount { get; init; } = 5;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public TrendingOptions Validate()
    {
        new OptionsValidation(nameof(TrendingOptions))
            .Require(Threshold >= 0 && double.IsFinite(Threshold), $"Threshold is {Threshold}; use a finite G² >= 0, for example 10.83 (p < 0.001) or 3.84 (p < 0.05).")
            .Require(MinimumCount >= 1, $"MinimumCount is {MinimumCount}; use at least 1 occurrence.")
            .ThrowIfInvalid();
        return this;
    }
}

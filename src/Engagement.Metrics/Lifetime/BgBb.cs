using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The beta-geometric/beta-Bernoulli (BG/BB) model of repeat transactions at discrete opportunities (Fader, Hardie
/// &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", <i>Marketing Science</i>
/// 29(6)): while alive, a customer transacts at each opportunity with probability p ~ Beta(α, β); before each
/// opportunity an alive customer dies with probability θ ~ Beta(γ, δ).
/// </summary>
/// <remarks>
/// Fitted by the shared BFGS maximum-likelihood fitter over log-parameters with the analytic gradient, on the rows
/// collapsed to distinct (x, t_x, n) patterns with their weights summed, so 11,104 one-donor rows and the 22 weighted
/// rows of the same data give the same fit. See docs/metrics/clv-bgbb.md.
/// </remarks>
public static class BgBb
{
    /// <summary>Fits α, β, γ, δ by maximum likelihood.</summary>
    /// <param name="rows">The (x, t_x, n) patterns with their weights (or one row per customer with weight 1).</param>
    /// <param name="options">The fitting options, or <see langword="null"/> for <see cref="BgBbOptions.Default"/>.</param>
    /// <returns>The fitted model with standard errors, log-likelihood and optimiser diagnostics; check <see cref="BgBbModel.Diagnostics"/>.</returns>
    /// <exception cref="ArgumentException">No rows with positive weight, or a row breaks the rules (0 ≤ x ≤ t_x ≤ n, t_x = 0 when x = 0, weight ≥ 0); the message names the row.</exception>
    public static BgBbModel Fit(ReadOnlySpan<BgBbRecord> rows, BgBbOptions? options = null)
    {
        options = (options ?? BgBbOptions.Default).Validate();
        var likelihood = new BgBbLikelihood(rows, nameof(rows));
        if (likelihood.Patterns == 0)
        {
            throw new ArgumentException("rows has no row with a positive weight; the BG/BB model needs at least one customer to fit.", nameof(rows));
        }

        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(likelihood, [1, 1, 1, 1], options.Fit);
        return new BgBbModel(fit.Estimates[0], fit.Estimates[1], fit.Estimates[2], fit.Estimates[3], fit.LogLikelihood, likelihood.Customers, fit.Diagnostics);
    }
}

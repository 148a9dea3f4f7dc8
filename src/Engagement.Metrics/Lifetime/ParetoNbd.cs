using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The Pareto/NBD model of repeat buying (Schmittlein, Morrison &amp; Colombo 1987, "Counting Your Customers: Who Are
/// They and What Will They Do Next?", <i>Management Science</i> 33(1)): while alive, a customer buys as a Poisson
/// process with rate λ ~ Gamma(r, α); the unobserved lifetime is exponential with rate μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// The likelihood is the form of Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
/// Expressions", eq. (22)–(24), whose Gaussian hypergeometric function is evaluated in Euler's form with its
/// analytic derivatives (see docs/metrics/clv-pareto-nbd.md). It is maximised by the shared BFGS fitter over
/// log-parameters, on the customers collapsed to distinct (x, t_x, T) patterns.
/// </remarks>
public static class ParetoNbd
{
    /// <summary>Fits r, α, s, β by maximum likelihood.</summary>
    /// <param name="customers">The calibration-period RFM summaries (x, t_x, T; the monetary value is not read).</param>
    /// <param name="options">The fitting options, or <see langword="null"/> for <see cref="ParetoNbdOptions.Default"/>.</param>
    /// <returns>The fitted model with standard errors, log-likelihood and optimiser diagnostics; check <see cref="ParetoNbdModel.Diagnostics"/>.</returns>
    /// <exception cref="ArgumentException">No customers, or a row breaks the RFM rules (x ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 when x = 0); the message names the customer and position.</exception>
    public static ParetoNbdModel Fit(ReadOnlySpan<RfmRecord> customers, ParetoNbdOptions? options = null)
    {
        options = (options ?? ParetoNbdOptions.Default).Validate();
        if (customers.IsEmpty)
        {
            throw new ArgumentException("customers is empty; the Pareto/NBD model needs at least one customer to fit.", nameof(customers));
        }

        RfmTable table = RfmTable.Build(customers, nameof(customers));
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(new ParetoNbdLikelihood(table), [1, 1, 1, 1], options.Fit);
        return new ParetoNbdModel(fit.Estimates[0], fit.Estimates[1], fit.Estimates[2], fit.Estimates[3], fit.LogLikelihood, table.Customers, fit.Diagnostics);
    }
}

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Fits the BG/NBD ("beta-geometric / negative binomial distribution") model of repeat buying (Fader, Hardie &amp; Lee
/// 2005, "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2)).
/// </summary>
/// <remarks>
/// While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase they drop
/// out with probability p ~ Beta(a, b). The likelihood of one customer (FHL 2005 eq. 6) is
/// L = B(a, b + x)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + T)^{r+x}) + [x &gt; 0]·B(a + 1, b + x − 1)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + t_x)^{r+x}).
/// It is maximised over log-parameters with its analytic gradient by the shared BFGS optimiser, evaluated once per
/// distinct (x, t_x, T) pattern. On the CDNOW sample (2,357 customers, weeks) it reproduces the paper's
/// r = 0.243, α = 4.414, a = 0.793, b = 2.426, log L = −9582.4.
/// </remarks>
public static class BgNbd
{
    /// <summary>Fits the model by maximum likelihood.</summary>
    /// <param name="customers">The calibration-period RFM rows (times in one unit; <see cref="RfmRecord.MonetaryValue"/> is ignored).</param>
    /// <param name="options">Optimiser settings; <see langword="null"/> for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The fitted model with standard errors, log-likelihood and diagnostics.</returns>
    /// <exception cref="ArgumentException">A row is invalid (negative frequency, recency &gt; T, …; the message names the customer), or there are no rows.</exception>
    /// <exception cref="InvalidOperationException">The fit did not converge and <see cref="LifetimeFitOptions.RequireConvergence"/> is set.</exception>
    public static BgNbdModel Fit(ReadOnlySpan<RfmRecord> customers, LifetimeFitOptions? options = null)
    {
        var (fit, count) = BetaGeometricParameters.Fit(customers, options, 0, "BG/NBD");
        var e = fit.Estimates;
        return new BgNbdModel(e[0], e[1], e[2], e[3], fit.LogLikelihood, count, fit.Diagnostics);
    }
}

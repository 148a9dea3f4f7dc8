namespace Engagement.Metrics.Lifetime;

/// <summary>
/// Fits the modified BG/NBD model (MBG/NBD; Batislam, Denizel &amp; Filiztekin 2007, "Empirical validation and comparison
/// of models for customer base analysis", International Journal of Research in Marketing 24(3)).
/// </summary>
/// <remarks>
/// As BG/NBD, except that a customer may also drop out right after the first purchase, so a customer without repeat
/// purchases is not certainly alive. One customer's likelihood is
/// L = B(a, b + x + 1)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + T)^{r+x}) + B(a + 1, b + x)/B(a, b) · Γ(r + x)α^r / (Γ(r)(α + t_x)^{r+x}).
/// On the CDNOW sample it reproduces R BTYDplus's r = 0.525, α = 6.183, a = 0.891, b = 1.614.
/// </remarks>
public static class ModifiedBgNbd
{
    /// <summary>Fits the modified BG/NBD model by maximum likelihood.</summary>
    /// <param name="customers">The calibration-period RFM rows (times in one unit; <see cref="RfmRecord.MonetaryValue"/> is ignored).</param>
    /// <param name="options">Optimiser settings; <see langword="null"/> for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The fitted model with standard errors, log-likelihood and diagnostics.</returns>
    /// <exception cref="ArgumentException">A row is invalid (negative frequency, recency &gt; T, …; the message names the customer), or there are no rows.</exception>
    /// <exception cref="InvalidOperationException">The fit did not converge and <see cref="LifetimeFitOptions.RequireConvergence"/> is set.</exception>
    public static ModifiedBgNbdModel Fit(ReadOnlySpan<RfmRecord> customers, LifetimeFitOptions? options = null)
    {
        var (fit, count) = BetaGeometricParameters.Fit(customers, options, 1, "MBG/NBD");
        var e = fit.Estimates;
        return new ModifiedBgNbdModel(e[0], e[1], e[2], e[3], fit.LogLikelihood, count, fit.Diagnostics);
    }
}

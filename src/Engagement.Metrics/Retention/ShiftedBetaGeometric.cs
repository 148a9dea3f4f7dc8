using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Fits the shifted-beta-geometric (sBG) model of Fader &amp; Hardie (2007, "How to project customer retention",
/// Journal of Interactive Marketing 21(1), 76–90) to one cohort's survivor counts by maximum likelihood.
/// </summary>
/// <remarks>
/// The likelihood is eq. 5 of the paper (churners of each observed period, the still-active customers right-censored
/// after the last one); the shared BFGS optimiser fits log α and log β with the analytic gradient of
/// <c>SbgObjective</c>, and the standard errors come from the observed information. Reproduces the paper's
/// α = 0.704, β = 1.182 (Regular) and α = 0.668, β = 3.806 (High End) on years 0–7.
/// </remarks>
public static class ShiftedBetaGeometric
{
    /// <summary>Fits the model to a cohort's survivors.</summary>
    /// <param name="survivors">
    /// survivors[t] = customers of the cohort still active at period t (survivors[0] = the cohort size, &gt; 0); at least
    /// two values, none negative, never increasing.
    /// </param>
    /// <param name="options">The optimiser's stopping rules, or <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>
    /// The fitted model. When the optimiser stops before convergence <see cref="SbgModel.Converged"/> is false and
    /// <see cref="SbgModel.Diagnostics"/> says why; when the information matrix is singular (for example a single
    /// period, which identifies only α/(α + β)) the standard errors are <see langword="null"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// Fewer than two values, a first value of 0, a negative value, an increase, or data without a finite maximum
    /// likelihood estimate: no churn at all (α → 0) or the whole cohort lost in the first period (β → 0).
    /// </exception>
    public static SbgModel Fit(ReadOnlySpan<long> survivors, FitOptions? options = null)
    {
        Validate(survivors);
        RequireIdentified(survivors);
        long[] data = survivors.ToArray();

        // Start from the method-of-moments guess for the first period's churn, α/(α + β) = n₁/n₀, with α + β = 2.
        double firstChurn = Math.Clamp((double)(data[0] - data[1]) / data[0], 0.05, 0.95);
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(new SbgObjective(data), [2 * firstChurn, 2 * (1 - firstChurn)], options ?? FitOptions.Default);
        return new SbgModel(fit.Estimates[0], fit.Estimates[1], fit.LogLikelihood, fit.Diagnostics, data);
    }

    /// <summary>The sBG log-likelihood of a cohort at given parameters (without the multinomial constant).</summary>
    /// <param name="survivors">The cohort's survivors, as for <see cref="Fit"/>.</param>
    /// <param name="alpha">α &gt; 0.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <returns>log L.</returns>
    /// <exception cref="ArgumentException">The survivors are not valid, or a parameter is not &gt; 0.</exception>
    public static double LogLikelihood(ReadOnlySpan<long> survivors, double alpha, double beta)
    {
        Validate(survivors);
        Internal.Guard.Positive(alpha);
        Internal.Guard.Positive(beta);
        return SbgObjective.LogLikelihood(survivors, alpha, beta, out _, out _);
    }

    private static void Validate(ReadOnlySpan<long> survivors)
    {
        if (survivors.Length < 2)
        {
            throw new ArgumentException($"survivors has {survivors.Length} value(s); the sBG model needs the cohort size and at least one later count, for example 1000,631,468.", nameof(survivors));
        }

        for (int t = 0; t < survivors.Length; t++)
        {
            if (survivors[t] < 0)
            {
                ChurnErrors.NegativeAt(nameof(survivors), t, survivors[t]);
            }

            if (t > 0 && survivors[t] > survivors[t - 1])
            {
                ChurnErrors.Increasing(nameof(survivors), t, survivors[t - 1], survivors[t]);
            }
        }

        if (survivors[0] == 0)
        {
            throw new ArgumentException("survivors[0] is 0; the first value is the cohort size and must be > 0.", nameof(survivors));
        }

    }

    private static void RequireIdentified(ReadOnlySpan<long> survivors)
    {
        if (survivors[^1] == survivors[0])
        {
            throw new ArgumentException($"survivors never fall (all {survivors.Length} values are {survivors[0]}): with no churn the likelihood keeps rising as α → 0 and the model has no estimate. Add periods with churn.", nameof(survivors));
        }

        if (survivors[1] == 0)
        {
            throw new ArgumentException("survivors[1] is 0: the whole cohort churned in the first period, so the likelihood keeps rising as β → 0 and the model has no estimate.", nameof(survivors));
        }
    }
}

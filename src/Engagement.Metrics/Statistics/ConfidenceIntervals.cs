using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The interval constructions every KPI uses: Wilson score for proportions, normal (Wald) and Student-t for means.
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>The Wilson score interval for a proportion (Wilson 1927), on the 0..1 scale.</summary>
    /// <param name="successes">The (possibly weighted) number of successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">The number of trials, or a Kish effective sample size for weighted data; &gt; 0.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, always inside [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN, negative, <paramref name="trials"/> is 0, or successes exceed trials.</exception>
    /// <remarks>
    /// Computes, with p̂ = successes / trials and z the two-sided normal critical value:
    /// <c>centre = (p̂ + z²/2n) / (1 + z²/n)</c> and <c>half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)</c>.
    /// Unlike the plain Wald interval it never leaves [0, 1] and keeps near-nominal coverage for small n and
    /// shares near 0 or 1 (Brown, Cai &amp; DasGupta 2001, Statistical Science 16(2)).
    /// </remarks>
    public static Interval Wilson(double successes, double trials, double level)
    {
        Guard.Positive(Guard.Finite(trials), nameof(trials));
        Guard.NonNegative(successes);
        if (successes > trials * (1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes ({successes}) cannot exceed trials ({trials}).");
        }

        double z = StandardNormal.TwoSidedCriticalValue(level);
        double n = trials;
        double p = Math.Min(successes / n, 1);
        double z2n = z * z / n;
        double centre = (p + (z2n / 2)) / (1 + z2n);
        double half = z / (1 + z2n) * Math.Sqrt((p * (1 - p) / n) + (z2n / (4 * n)));
        // The Wilson interval always contains p̂; the clamps only undo rounding at p̂ = 0 or 1.
        return new Interval(level, Math.Clamp(centre - half, 0, p), Math.Clamp(centre + half, p, 1));
    }

    /// <summary>The normal-approximation (Wald) interval <c>estimate ± z · standardError</c>.</summary>
    /// <param name="estimate">The point estimate.</param>
    /// <param name="standardError">Its standard error, finite and ≥ 0.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN or infinite, or the standard error is negative.</exception>
    public static Interval Normal(double estimate, double standardError, double level)
    {
        Guard.Finite(estimate);
        Guard.NonNegative(standardError);
        double half = StandardNormal.TwoSidedCriticalValue(level) * standardError;
        return new Interval(level, estimate - half, estimate + half);
    }

    /// <summary>The Student-t interval for a mean, <c>estimate ± t(ν) · standardError</c>.</summary>
    /// <param name="estimate">The sample mean.</param>
    /// <param name="standardError">Its standard error s/√n, finite and ≥ 0.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0, usually n − 1.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is NaN or out of range.</exception>
    public static Interval StudentT(double estimate, double standardError, double degreesOfFreedom, double level)
    {
        Guard.Finite(estimate);
        Guard.NonNegative(standardError);
        double half = Statistics.StudentT.TwoSidedCriticalValue(level, degreesOfFreedom) * standardError;
        return new Interval(level, estimate - half, estimate + half);
    }
}

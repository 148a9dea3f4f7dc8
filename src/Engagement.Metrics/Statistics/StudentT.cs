using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// Student's t distribution with ν degrees of freedom (ν may be fractional, as in Welch's test):
/// density, cumulative distribution and quantiles.
/// </summary>
public static class StudentT
{
    // From here on, ln Γ differences of size ~ν·ln ν cancel too badly (relative error ~ν·ln ν·1e-16 in the tails:
    // 1.7e-7 in the 0.975 quantile at ν = 1e9, nonsense at 1e15); the 1/ν expansions are exact to double precision.
    private const double LargeDegreesOfFreedom = 1e5;

    /// <summary>The density f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0; +∞ gives the standard normal.</param>
    /// <returns>The density.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not &gt; 0.</exception>
    public static double Density(double t, double degreesOfFreedom)
    {
        double nu = Guard.Positive(degreesOfFreedom);
        if (double.IsPositiveInfinity(nu))
        {
            return StandardNormal.Density(t);
        }

        // For large ν, ln Γ((ν+1)/2) − ln Γ(ν/2) = ½ ln(ν/2) − 1/(4ν) + 1/(24ν³) + O(ν⁻⁵) (Stirling series), so
        // ln C = −½ ln 2π − 1/(4ν) + 1/(24ν³) without the cancellation of two huge ln Γ values.
        double logC = nu >= LargeDegreesOfFreedom
            ? -0.91893853320467274178 - (0.25 / nu) + (1 / (24 * nu * nu * nu))
            : SpecialFunctions.LogGamma((nu + 1) / 2) - SpecialFunctions.LogGamma(nu / 2) - (0.5 * Math.Log(nu * Math.PI));
        return Math.Exp(logC - ((nu + 1) / 2 * SpecialFunctions.Log1P(t * t / nu)));
    }

    /// <summary>The cumulative distribution P(T ≤ t) = 1 − I_{ν/(ν+t²)}(ν/2, 1/2)/2 for t ≥ 0, by symmetry otherwise.</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0; +∞ gives the standard normal.</param>
    /// <returns>The probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not &gt; 0.</exception>
    /// <remarks>
    /// For ν ≥ 1e5 (and t² ≤ ν/1000) it returns Φ(z) with z the inverse of the four-term Cornish–Fisher expansion
    /// (Abramowitz &amp; Stegun 26.7.5), which avoids the cancellation of the incomplete-beta prefactor at large ν.
    /// </remarks>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double nu = Guard.Positive(degreesOfFreedom);
        if (double.IsPositiveInfinity(nu))
        {
            return StandardNormal.Cdf(t);
        }

        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (nu >= LargeDegreesOfFreedom && t * t <= nu / 1000)
        {
            // Invert the Cornish–Fisher expansion t = z + g₁(z)/ν + … and use F(t) = Φ(z).
            return StandardNormal.Cdf(NormalDeviateFor(t, nu));
        }

        double tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(nu / 2, 0.5, nu / (nu + (t * t)));
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The quantile: the t with P(T ≤ t) = <paramref name="p"/>.</summary>
    /// <param name="p">A probability in [0, 1]; 0 and 1 give −∞ and +∞.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0; +∞ gives the standard normal quantile.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1], or ν is not &gt; 0.</exception>
    /// <remarks>
    /// Closed forms for ν = 1 (Cauchy) and ν = 2; for ν ≥ 1e5 the four-term Cornish–Fisher expansion
    /// (Abramowitz &amp; Stegun 26.7.5); otherwise Newton's method on the CDF from a Cornish–Fisher start,
    /// safeguarded by bisection. Accurate to better than 1e-9 relative for ν ≥ 1 (the tests check 1e-6 against
    /// published tables and 1e-9 against high-precision values).
    /// </remarks>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        Guard.Probability(p);
        double nu = Guard.Positive(degreesOfFreedom);
        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        if (double.IsPositiveInfinity(nu))
        {
            return StandardNormal.Quantile(p);
        }

        if (p == 0.5)
        {
            return 0;
        }

        // Solve for the upper-tail probability q and mirror. q is passed as such (p itself when p < 0.5; 1 − p is
        // exact for p ≥ 0.5), because forming 1 − p for a tiny p would lose its relative precision.
        return p < 0.5 ? -UpperQuantile(p, nu) : UpperQuantile(1 - p, nu);
    }

    /// <summary>The two-sided critical value t with P(|T| ≤ t) = <paramref name="level"/>.</summary>
    /// <param name="level">A confidence level strictly between 0 and 1.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    /// <returns>The critical value, for example 2.228139 at level 0.95 and ν = 10.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1), or ν is not &gt; 0.</exception>
    public static double TwoSidedCriticalValue(double level, double degreesOfFreedom) =>
        Quantile(0.5 + (Guard.ConfidenceLevel(level) / 2), degreesOfFreedom);

    // The t > 0 with P(T > t) = upperTail, for 0 < upperTail < 0.5.
    private static double UpperQuantile(double upperTail, double nu)
    {
        if (nu == 1)
        {
            // tan(π(p − ½)) = cot(π q).
            return 1 / Math.Tan(Math.PI * upperTail);
        }

        if (nu == 2)
        {
            return (1 - (2 * upperTail)) / Math.Sqrt(2 * upperTail * (1 - upperTail));
        }

        double z = -StandardNormal.Quantile(upperTail);
        if (nu >= LargeDegreesOfFreedom && z * z <= nu / 1000)
        {
            return CornishFisher(z, nu);
        }

        double t = CornishFisherStart(z, nu);
        double low = 0;
        double high = double.PositiveInfinity;
        for (int i = 0; i < 100; i++)
        {
            // Work with the upper tail 1 − F(t), which keeps precision when p is close to 1.
            double tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(nu / 2, 0.5, nu / (nu + (t * t)));
            double error = upperTail - tail;
            if (error > 0)
            {
                high = t;
            }
            else
            {
                low = t;
            }

            double next = t - (error / Density(t, nu));
            if (!(next > low && next < high))
            {
                next = double.IsPositiveInfinity(high) ? Math.Max(2 * t, 1) : (low + high) / 2;
            }

            if (Math.Abs(next - t) <= 1e-14 * Math.Max(1, Math.Abs(t)))
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    // Cornish–Fisher expansion of the t quantile about the normal quantile z to O(ν⁻⁴) (Abramowitz & Stegun 26.7.5):
    // t = z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴. For ν ≥ 1e5 and z² ≤ ν/1000 the omitted terms are below 1e-18 relative.
    private static double CornishFisher(double z, double nu)
    {
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + ((g1 + ((g2 + ((g3 + (g4 / nu)) / nu)) / nu)) / nu);
    }

    // The z with CornishFisher(z, ν) = t, by fixed-point iteration z ← z − (CornishFisher(z, ν) − t); the map
    // contracts by about (3z² + 1)/(4ν) ≤ 1e-3 per step in the range where it is used.
    private static double NormalDeviateFor(double t, double nu)
    {
        double z = t;
        for (int i = 0; i < 20; i++)
        {
            double next = z - (CornishFisher(z, nu) - t);
            if (next == z)
            {
                break;
            }

            z = next;
        }

        return z;
    }

    // Cornish–Fisher expansion of the t quantile about the normal quantile z (Abramowitz & Stegun 26.7.5).
    private static double CornishFisherStart(double z, double nu)
    {
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double start = z + (g1 / nu) + (g2 / (nu * nu)) + (g3 / (nu * nu * nu));
        return start > 0 ? start : z;
    }
}

using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>The standard normal distribution N(0, 1): density, cumulative distribution and quantiles.</summary>
public static class StandardNormal
{
    private const double InvSqrtTwoPi = 0.39894228040143267794;

    // Acklam's rational approximation to the normal quantile (relative error 1.15e-9), refined by one Halley step.
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>The density φ(x) = e^(−x²/2)/√(2π).</summary>
    /// <param name="x">The point.</param>
    /// <returns>The density at <paramref name="x"/>.</returns>
    public static double Density(double x) => InvSqrtTwoPi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// The cumulative distribution Φ(x) = P(Z ≤ x) = erfc(−x/√2)/2, accurate to about 5e-15 relative for x ≥ −8; further
    /// into the lower tail the rounding of x/√2 adds about 3e-16·x² (1e-13 at x = −20).
    /// </summary>
    /// <param name="x">The point.</param>
    /// <returns>The probability in [0, 1].</returns>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    /// <summary>The quantile Φ⁻¹(p): the x with Φ(x) = p.</summary>
    /// <param name="p">A probability in [0, 1]; 0 and 1 give −∞ and +∞.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>Acklam's rational approximation refined by one Halley step on Φ; absolute error below 1e-12 for p in [1e-300, 1 − 1e-16].</remarks>
    public static double Quantile(double p)
    {
        Guard.Probability(p);
        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Work in the lower tail, where Φ keeps its relative precision: near p = 1 the Halley step on Φ(x) − p would
        // lose about 1e-16/φ(x) absolute (3e-9 at p = 1 − 1e-10). 1 − p is exact for p ≥ 0.5 (Sterbenz).
        return p > 0.5 ? -LowerQuantile(1 - p) : LowerQuantile(p);
    }

    /// <summary>The two-sided critical value z with P(|Z| ≤ z) = <paramref name="level"/>, for example 1.959964 at 0.95.</summary>
    /// <param name="level">A confidence level strictly between 0 and 1.</param>
    /// <returns>The critical value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1) or NaN.</exception>
    public static double TwoSidedCriticalValue(double level) => Quantile(0.5 + (Guard.ConfidenceLevel(level) / 2));

    private static double LowerQuantile(double p)
    {
        double x = AcklamQuantile(p);
        double e = Cdf(x) - p;
        double u = e / Density(x);
        return x - (u / (1 + (x * u / 2)));
    }

    private static double AcklamQuantile(double p)
    {
        const double Low = 0.02425;
        if (p < Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - Low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        double r = p - 0.5;
        double s = r * r;
        return (((((((((((A[0] * s) + A[1]) * s) + A[2]) * s) + A[3]) * s) + A[4]) * s) + A[5]) * r)
            / (((((((((B[0] * s) + B[1]) * s) + B[2]) * s) + B[3]) * s) + B[4]) * s + 1);
    }

    private static double Tail(double q) =>
        ((((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q) + C[5])
        / ((((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1);
}

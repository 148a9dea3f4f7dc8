namespace Engagement.Metrics.Statistics;

/// <summary>
/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₖ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ for real parameters and real
/// z &lt; 1: what the Pareto/NBD likelihood needs (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie 2005).
/// </summary>
/// <remarks>
/// <para>Method (Abramowitz &amp; Stegun ch. 15; DLMF §15.8):</para>
/// <list type="bullet">
/// <item>z &lt; 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) maps the
/// argument into [0, 1).</item>
/// <item>0 ≤ z ≤ 0.75: the Maclaurin series, summed until the last term, multiplied by the tail bound
/// ρ/(1 − ρ) of a geometric series with the current term ratio ρ &lt; 1, is below 1e-17 of the sum.</item>
/// <item>0.75 &lt; z &lt; 1: the 1 − z connection formula (A&amp;S 15.3.6), whose two series are in 1 − z &lt; 0.25.
/// When c − a − b is within 1e-3 of an integer n, where that formula has poles that cancel, the function is evaluated
/// at c − a − b = n ± 1e-3 and n ± 2e-3 (moving b) and interpolated by the cubic through those four points.</item>
/// </list>
/// <para>Accuracy, checked against mpmath 50-digit values in the tests: about 1e-14 relative on the series branches,
/// 1e-12 on the 1 − z branch, 1e-10 when c − a − b is nearly an integer. Returns NaN when z ≥ 1, when c is a
/// non-positive integer, or when a series fails to converge in <see cref="MaxTerms"/> terms (huge parameters).</para>
/// <para><see cref="LogUnitGap"/> is the case the Pareto/NBD likelihood uses, c = a + 1 with a + 1 − b &gt; 0, in
/// Euler's form, with its analytic derivatives.</para>
/// </remarks>
internal static class Hypergeometric
{
    /// <summary>The most series terms summed before giving up.</summary>
    public const int MaxTerms = 20_000;

    /// <summary>Above this argument <see cref="LogUnitGap"/> leaves the series for the connection formula.</summary>
    public const double UnitGapSeriesLimit = 0.97;

    private const double SeriesLimit = 0.75;
    private const double Epsilon = 1e-17;
    private const double IntegerGap = 1e-3;

    /// <summary>₂F₁(a, b; c; z) for z &lt; 1.</summary>
    /// <param name="a">The first numerator parameter.</param>
    /// <param name="b">The second numerator parameter.</param>
    /// <param name="c">The denominator parameter; not a non-positive integer.</param>
    /// <param name="z">The argument, &lt; 1.</param>
    /// <returns>The value, or NaN outside the domain.</returns>
    public static double Evaluate(double a, double b, double c, double z)
    {
        if (!(z < 1) || IsNonPositiveInteger(c) || !double.IsFinite(a + b + c + z))
        {
            return double.NaN;
        }

        if (z < 0)
        {
            // Pfaff: the new argument w = z/(z−1) is in (0, 1).
            return Math.Pow(1 - z, -a) * Evaluate(a, c - b, c, z / (z - 1));
        }

        return z <= SeriesLimit ? Series(a, b, c, z) : NearOne(a, b, c, z);
    }

    /// <summary>
    /// ₂F₁(1, b; c; z) = Σₖ (b)ₖ / (c)ₖ · zᵏ for 0 ≤ z &lt; 1 and 0 &lt; b ≤ c: the case the sBG discounted lifetimes need
    /// (Fader &amp; Hardie 2010). With a = 1, (1)ₖ cancels k!, every term ratio (b+k)z/(c+k) is below z, so the tail after a
    /// term tₖ is below tₖ·z/(1 − z) and the plain series is exact to rounding for any z &lt; 1 (no connection formula).
    /// </summary>
    /// <param name="b">The numerator parameter, &gt; 0.</param>
    /// <param name="c">The denominator parameter, ≥ b.</param>
    /// <param name="z">The argument, in [0, 1).</param>
    /// <returns>The value.</returns>
    public static double UnitNumerator(double b, double c, double z)
    {
        double term = 1, sum = 1;
        double tailFactor = z / (1 - z);
        for (int k = 0; k < 10_000_000; k++)
        {
            term *= (b + k) / (c + k) * z;
            sum += term;
            if (term * tailFactor <= Epsilon * sum)
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>
    /// ln ₂F₁(a, b; a + 1; z) for a &gt; 0, a + 1 − b &gt; 0, 0 ≤ z &lt; 1, with its partial derivatives in a (through both
    /// a and c = a + 1), b and z.
    /// </summary>
    /// <remarks>
    /// Euler's transformation gives ₂F₁(a, b; a + 1; z) = (1 − z)^(1 − b) Σₖ tₖ with tₖ = zᵏ Πⱼ₍ⱼ₌₀…ₖ₋₁₎ (a + 1 − b + j)/(a + 1 + j):
    /// positive terms whose ratio is below z, so the sum is stable and its tail is bounded by tₖ·z/(1 − z). The
    /// derivatives are those of the series, term by term (d ln tₖ/da = Σⱼ 1/(a+1−b+j) − 1/(a+1+j), and so on).
    /// Above z = <see cref="UnitGapSeriesLimit"/> the value comes from <see cref="Evaluate"/> (the connection formula)
    /// and the a and b derivatives from central differences of it (relative step 1e-5; z's derivative stays analytic,
    /// d₂F₁/dz = (ab/c)·₂F₁(a+1, b+1; c+1; z)).
    /// </remarks>
    public static double LogUnitGap(double a, double b, double z, out double dA, out double dB, out double dZ)
    {
        if (z > UnitGapSeriesLimit)
        {
            return LogUnitGapNearOne(a, b, z, out dA, out dB, out dZ);
        }

        double e = a + 1 - b;
        double c = a + 1;
        double term = 1, sum = 1, sumA = 0, sumB = 0, sumZ = 0;
        double logA = 0, logB = 0;
        for (int k = 0; k < MaxTerms; k++)
        {
            logA += (1 / (e + k)) - (1 / (c + k));
            logB -= 1 / (e + k);
            term *= (e + k) / (c + k) * z;
            sum += term;
            sumA += term * logA;
            sumB += term * logB;
            sumZ += term * (k + 1);
            if (term * z <= Epsilon * sum * (1 - z))
            {
                double log1mz = SpecialFunctions.Log1P(-z);
                dA = sumA / sum;
                dB = (sumB / sum) - log1mz;
                dZ = (z == 0 ? e / c : (sumZ / sum) / z) - ((1 - b) / (1 - z));
                return ((1 - b) * log1mz) + Math.Log(sum);
            }
        }

        dA = dB = dZ = double.NaN;
        return double.NaN;
    }

    /// <summary>ln ₂F₁(a, b; a + 1; z) alone, by the same route as the overload with derivatives (for predictions).</summary>
    public static double LogUnitGapValue(double a, double b, double z)
    {
        if (z > UnitGapSeriesLimit)
        {
            return Math.Log(Evaluate(a, b, a + 1, z));
        }

        double e = a + 1 - b;
        double c = a + 1;
        double term = 1, sum = 1;
        for (int k = 0; k < MaxTerms; k++)
        {
            term *= (e + k) / (c + k) * z;
            sum += term;
            if (term * z <= Epsilon * sum * (1 - z))
            {
                return ((1 - b) * SpecialFunctions.Log1P(-z)) + Math.Log(sum);
            }
        }

        return double.NaN;
    }

    private static double LogUnitGapNearOne(double a, double b, double z, out double dA, out double dB, out double dZ)
    {
        double value = Evaluate(a, b, a + 1, z);
        double ha = 1e-5 * Math.Max(1, a);
        double hb = 1e-5 * Math.Max(1, b);
        dA = (Math.Log(Evaluate(a + ha, b, a + 1 + ha, z)) - Math.Log(Evaluate(a - ha, b, a + 1 - ha, z))) / (2 * ha);
        dB = (Math.Log(Evaluate(a, b + hb, a + 1, z)) - Math.Log(Evaluate(a, b - hb, a + 1, z))) / (2 * hb);
        dZ = a * b / (a + 1) * Evaluate(a + 1, b + 1, a + 2, z) / value;
        return Math.Log(value);
    }

    /// <summary>The Maclaurin series for |z| ≤ 0.75 with a geometric tail bound.</summary>
    private static double Series(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (int k = 0; k < MaxTerms; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (term == 0)
            {
                return sum;
            }

            double ratio = Math.Abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z);
            if (ratio < 1 && Math.Abs(term) * ratio <= Epsilon * Math.Abs(sum) * (1 - ratio))
            {
                return sum;
            }
        }

        return double.NaN;
    }

    /// <summary>A&amp;S 15.3.6, with interpolation across the removable poles at integer c − a − b.</summary>
    private static double NearOne(double a, double b, double c, double z)
    {
        double m = c - a - b;
        double n = Math.Round(m);
        if (Math.Abs(m - n) >= IntegerGap)
        {
            return Connection(a, b, c, z);
        }

        // The poles cancel, so F is analytic in m = c − a − b: evaluate it (moving b) at m = n ± h and n ± 2h, where
        // the formula is well conditioned, and interpolate by the cubic through those four points (error O(h⁴)).
        const double h = IntegerGap;
        double t = (m - n) / h;
        double fm2 = Connection(a, b - (n - (2 * h) - m), c, z);
        double fm1 = Connection(a, b - (n - h - m), c, z);
        double fp1 = Connection(a, b - (n + h - m), c, z);
        double fp2 = Connection(a, b - (n + (2 * h) - m), c, z);

        // Lagrange weights for the nodes −2, −1, 1, 2 at t.
        double wm2 = -(t + 1) * (t - 1) * (t - 2) / 12;
        double wm1 = (t + 2) * (t - 1) * (t - 2) / 6;
        double wp1 = -(t + 2) * (t + 1) * (t - 2) / 6;
        double wp2 = (t + 2) * (t + 1) * (t - 1) / 12;
        return (wm2 * fm2) + (wm1 * fm1) + (wp1 * fp1) + (wp2 * fp2);
    }

    /// <summary>
    /// ₂F₁(a,b;c;z) = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) ₂F₁(a, b; 1−m; 1−z)
    ///             + (1−z)^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) ₂F₁(c−a, c−b; 1+m; 1−z), m = c − a − b not an integer.
    /// </summary>
    private static double Connection(double a, double b, double c, double z)
    {
        double m = c - a - b;
        double w = 1 - z;
        double first = GammaRatio(c, m, c - a, c - b) * Series(a, b, 1 - m, w);
        double second = GammaRatio(c, -m, a, b);
        if (second != 0)
        {
            second *= Math.Pow(w, m) * Series(c - a, c - b, 1 + m, w);
        }

        return first + second;
    }

    /// <summary>Γ(p)Γ(q)/(Γ(r)Γ(s)), 0 when r or s is a non-positive integer (1/Γ vanishes there).</summary>
    private static double GammaRatio(double p, double q, double r, double s)
    {
        if (IsNonPositiveInteger(r) || IsNonPositiveInteger(s))
        {
            return 0;
        }

        double log = LogAbsGamma(p, out int sp) + LogAbsGamma(q, out int sq) - LogAbsGamma(r, out int sr) - LogAbsGamma(s, out int ss);
        return sp * sq * sr * ss * Math.Exp(log);
    }

    /// <summary>ln|Γ(x)| and the sign of Γ(x), for x not a non-positive integer.</summary>
    private static double LogAbsGamma(double x, out int sign)
    {
        if (x > 0)
        {
            sign = 1;
            return SpecialFunctions.LogGamma(x);
        }

        // Reflection: Γ(x) = π / (sin(πx) Γ(1 − x)), with Γ(1 − x) > 0 here.
        double sine = Math.Sin(Math.PI * x);
        sign = sine < 0 ? -1 : 1;
        return Math.Log(Math.PI / Math.Abs(sine)) - SpecialFunctions.LogGamma(1 - x);
    }

    private static bool IsNonPositiveInteger(double x) => x <= 0 && x == Math.Floor(x);
}

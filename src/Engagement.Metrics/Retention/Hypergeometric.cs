namespace Engagement.Metrics.Retention;

/// <summary>The Gaussian hypergeometric function in the one case the sBG model needs: ₂F₁(1, b; c; z).</summary>
internal static class Hypergeometric
{
    private const int MaxTerms = 10_000_000;

    /// <summary>
    /// ₂F₁(1, b; c; z) = Σₖ (b)ₖ / (c)ₖ · zᵏ for 0 ≤ z &lt; 1 and 0 &lt; b ≤ c (Abramowitz &amp; Stegun 15.1.1 with a = 1, where
    /// (1)ₖ cancels k!). Every term ratio (b+k)z/(c+k) is below z, so the tail after a term tₖ is below tₖ·z/(1 − z);
    /// the sum stops when that bound is below 1e-17 of the sum.
    /// </summary>
    public static double OneB(double b, double c, double z)
    {
        double term = 1, sum = 1;
        double tailFactor = z / (1 - z);
        for (int k = 0; k < MaxTerms; k++)
        {
            term *= (b + k) / (c + k) * z;
            sum += term;
            if (term * tailFactor <= 1e-17 * sum)
            {
                return sum;
            }
        }

        return sum;
    }
}

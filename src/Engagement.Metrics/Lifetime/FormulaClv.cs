using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Lifetime;

/// <summary>
/// The closed-form customer lifetime value formulas used before (and alongside) the probabilistic models: the
/// "AOV × frequency × lifespan × margin" rule of thumb, the constant-retention discounted form m·r/(1 + d − r), and
/// discounted cash flows over any retention (survival) curve, such as an sBG curve.
/// </summary>
public static class FormulaClv
{
    /// <summary>
    /// CLV = average order value × purchases per period × expected lifespan (periods) × gross margin: undiscounted,
    /// with constant behaviour over the lifespan (the "traditional" formula of e.g. Kumar 2008, Managing Customers for Profit).
    /// </summary>
    /// <param name="averageOrderValue">Revenue per order, ≥ 0.</param>
    /// <param name="purchaseFrequency">Orders per period, ≥ 0.</param>
    /// <param name="expectedLifespan">Expected number of periods a customer stays, ≥ 0 (for a constant churn rate c, 1/c).</param>
    /// <param name="grossMargin">The share of revenue kept as margin, in [0, 1].</param>
    /// <returns>The lifetime value, in the currency of <paramref name="averageOrderValue"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, not finite, or the margin is outside [0, 1].</exception>
    public static double Simple(double averageOrderValue, double purchaseFrequency, double expectedLifespan, double grossMargin)
    {
        Guard.NonNegative(averageOrderValue);
        Guard.NonNegative(purchaseFrequency);
        Guard.NonNegative(expectedLifespan);
        Guard.Probability(grossMargin);
        return averageOrderValue * purchaseFrequency * expectedLifespan * grossMargin;
    }

    /// <summary>
    /// CLV = m·r/(1 + d − r): the present value of a margin m earned at the end of every period the customer survives,
    /// with constant retention r and discount rate d per period, summed to infinity: Σₖ₌₁^∞ m rᵏ/(1 + d)ᵏ
    /// (Gupta &amp; Lehmann 2003, "Customers as Assets", Journal of Interactive Marketing 17(1)). Add m for a margin also
    /// earned at the start of the first period.
    /// </summary>
    /// <param name="marginPerPeriod">Margin per period from a retained customer.</param>
    /// <param name="retentionRate">The probability of staying from one period to the next, in [0, 1].</param>
    /// <param name="discountRate">The discount rate per period, ≥ 0; with retention 1 it must be &gt; 0.</param>
    /// <returns>The lifetime value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or r = 1 with d = 0 (the sum diverges).</exception>
    public static double RetentionDiscount(double marginPerPeriod, double retentionRate, double discountRate)
    {
        Guard.Finite(marginPerPeriod);
        Guard.Probability(retentionRate);
        Guard.NonNegative(discountRate);
        if (!(1 + discountRate - retentionRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "With retention 1 the discount rate must be > 0, or the lifetime value is infinite.");
        }

        return marginPerPeriod * retentionRate / (1 + discountRate - retentionRate);
    }

    /// <summary>
    /// CLV = Σᵢ m·S(i + 1)/(1 + d)^{i+1}: discounted margins over a retention curve, where
    /// <paramref name="survival"/>[i] is the probability that the customer is still active in period i + 1 and the
    /// margin of a period arrives at its end. With S(k) = rᵏ and an infinite horizon this is
    /// <see cref="RetentionDiscount"/>; pass a fitted sBG survival curve for heterogeneous churn.
    /// </summary>
    /// <param name="survival">S(1), S(2), …: survival probabilities in [0, 1].</param>
    /// <param name="marginPerPeriod">Margin per period from an active customer.</param>
    /// <param name="discountRate">The discount rate per period, ≥ 0.</param>
    /// <returns>The lifetime value over the horizon of the curve; 0 for an empty curve.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A survival value is outside [0, 1] (the message gives its position), or an argument is out of range.</exception>
    public static double DiscountedCashFlows(ReadOnlySpan<double> survival, double marginPerPeriod, double discountRate)
    {
        Guard.Finite(marginPerPeriod);
        Guard.NonNegative(discountRate);
        for (int i = 0; i < survival.Length; i++)
        {
            if (!(survival[i] >= 0 && survival[i] <= 1))
            {
                ThrowHelper.ProbabilityOutOfRange(nameof(survival), i, survival[i]);
            }
        }

        double factor = 1 / (1 + discountRate);
        double discount = 1;
        double sum = 0;
        for (int i = 0; i < survival.Length; i++)
        {
            discount *= factor;
            sum += survival[i] * discount;
        }

        return marginPerPeriod * sum;
    }
}

using System.Globalization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Churn and retention rates of one period: simple, adjusted (midpoint) and predictive (at-risk-weighted daily rate),
/// from customer records or from counts, and the conversion of a rate between period lengths.
/// </summary>
/// <remarks>
/// Definitions follow the usual subscription-analytics formulas (for example Fader &amp; Hardie's discussion of
/// retention in contractual settings, and the SaaS churn conventions summarised in docs/metrics/churn.md). The date
/// convention is on <see cref="CustomerRecord"/>: a period is [from, to), a customer is lost in it when its end date
/// falls in [from, to).
/// </remarks>
public static class Churn
{
    /// <summary>Churn over [<paramref name="from"/>, <paramref name="to"/>) from customer records, in one pass without allocating.</summary>
    /// <param name="customers">The customers (any order; records of any date; those outside the period count nowhere).</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the period (exclusive).</param>
    /// <param name="method">The rate to report as <see cref="ChurnResult.Rate"/>; the others are properties of the result too.</param>
    /// <returns>The counts and rates; an empty span gives zero counts and <see langword="null"/> rates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static ChurnResult Calculate(ReadOnlySpan<CustomerRecord> customers, DateOnly from, DateOnly to, ChurnMethod method = ChurnMethod.Simple)
    {
        ChurnErrors.Period(from, to);
        var tally = default(ChurnTally);
        tally.Add(customers, from, to);
        return tally.ToResult(method, from, to);
    }

    /// <summary>Simple churn L / S from counts.</summary>
    /// <param name="startCustomers">S, customers at the start, ≥ 0.</param>
    /// <param name="lost">L, of those, the customers lost during the period, 0 ≤ L ≤ S.</param>
    /// <returns>L / S, or <see langword="null"/> when S = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or L &gt; S.</exception>
    public static double? Simple(long startCustomers, long lost)
    {
        ChurnErrors.NonNegative(startCustomers, nameof(startCustomers));
        ChurnErrors.LostAtMost(lost, startCustomers, nameof(lost), nameof(startCustomers));
        return startCustomers > 0 ? (double)lost / startCustomers : null;
    }

    /// <summary>
    /// Simple churn per period from counts per period: rates[i] = lost[i] / startCustomers[i] (<see langword="null"/> when
    /// startCustomers[i] = 0). Every period is checked before anything is computed.
    /// </summary>
    /// <param name="startCustomers">S per period, ≥ 0.</param>
    /// <param name="lost">Customers of S lost per period, 0 ≤ lost[i] ≤ startCustomers[i].</param>
    /// <returns>A new array with one rate per period.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or lost[i] &gt; startCustomers[i]; the message names the period and both values.</exception>
    public static double?[] SimpleRates(ReadOnlySpan<long> startCustomers, ReadOnlySpan<long> lost)
    {
        if (startCustomers.Length != lost.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"lost has {lost.Length} periods but startCustomers has {startCustomers.Length}; give one count of each per period."),
                nameof(lost));
        }

        for (int i = 0; i < lost.Length; i++)
        {
            if (startCustomers[i] < 0)
            {
                ChurnErrors.NegativeAt(nameof(startCustomers), i, startCustomers[i]);
            }

            if (lost[i] < 0)
            {
                ChurnErrors.NegativeAt(nameof(lost), i, lost[i]);
            }

            if (lost[i] > startCustomers[i])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(lost),
                    lost[i],
                    string.Create(CultureInfo.InvariantCulture, $"lost[{i}] is {lost[i]}, more than startCustomers[{i}] = {startCustomers[i]}; a period cannot lose more of its starting customers than it had."));
            }
        }

        double?[] rates = new double?[lost.Length];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = startCustomers[i] > 0 ? (double)lost[i] / startCustomers[i] : null;
        }

        return rates;
    }

    /// <summary>Adjusted (midpoint) churn L / ((S + E) / 2) from counts.</summary>
    /// <param name="startCustomers">S, customers at the start, ≥ 0.</param>
    /// <param name="endCustomers">E, customers at the end, ≥ 0.</param>
    /// <param name="lost">L, all customers lost during the period, ≥ 0.</param>
    /// <returns>The rate, or <see langword="null"/> when S + E = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double? Adjusted(long startCustomers, long endCustomers, long lost)
    {
        ChurnErrors.NonNegative(startCustomers, nameof(startCustomers));
        ChurnErrors.NonNegative(endCustomers, nameof(endCustomers));
        ChurnErrors.NonNegative(lost, nameof(lost));
        return startCustomers + endCustomers > 0 ? 2.0 * lost / (startCustomers + endCustomers) : null;
    }

    /// <summary>The customer retention rate CRR = (E − N) / S from counts.</summary>
    /// <param name="startCustomers">S, customers at the start, ≥ 0.</param>
    /// <param name="endCustomers">E, customers at the end, ≥ 0.</param>
    /// <param name="acquired">N, customers acquired during the period, 0 ≤ N ≤ E.</param>
    /// <returns>(E − N) / S, or <see langword="null"/> when S = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, N &gt; E, or E − N &gt; S (more customers kept than there were).</exception>
    public static double? CustomerRetentionRate(long startCustomers, long endCustomers, long acquired)
    {
        ChurnErrors.NonNegative(startCustomers, nameof(startCustomers));
        ChurnErrors.NonNegative(endCustomers, nameof(endCustomers));
        ChurnErrors.LostAtMost(acquired, endCustomers, nameof(acquired), nameof(endCustomers));
        if (endCustomers - acquired > startCustomers)
        {
            throw new ArgumentOutOfRangeException(
                nameof(endCustomers),
                endCustomers,
                string.Create(CultureInfo.InvariantCulture, $"endCustomers − acquired is {endCustomers - acquired}, more than startCustomers ({startCustomers}); the end count must include the acquired customers."));
        }

        return startCustomers > 0 ? (double)(endCustomers - acquired) / startCustomers : null;
    }

    /// <summary>
    /// Converts a churn rate to another period length assuming a constant per-period hazard: 1 − (1 − m)^k. A monthly
    /// rate m gives the annual rate with k = 12; an annual rate gives the monthly one with k = 1/12.
    /// </summary>
    /// <param name="rate">The churn rate per source period, in [0, 1].</param>
    /// <param name="periods">k, the target period length in source periods, finite and ≥ 0.</param>
    /// <returns>The churn rate per target period, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside [0, 1] or <paramref name="periods"/> is negative or not finite.</exception>
    public static double ConvertRate(double rate, double periods)
    {
        Internal.Guard.Probability(rate);
        Internal.Guard.NonNegative(periods);
        return rate == 1 ? (periods > 0 ? 1 : 0) : -double.ExpM1(periods * Statistics.SpecialFunctions.Log1P(-rate));
    }
}

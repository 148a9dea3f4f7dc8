namespace Engagement.Metrics.Retention;

/// <summary>Gross and net revenue retention from per-customer revenue at the start and end of a period (see <see cref="RevenueRetentionResult"/>).</summary>
public static class RevenueRetention
{
    /// <summary>Splits the change of each start customer's revenue into expansion, contraction and churn.</summary>
    /// <param name="startRevenue">Revenue per period of each customer present at the start, finite and ≥ 0.</param>
    /// <param name="endRevenue">The same customers' revenue at the end, in the same order (0 for a customer who left), finite and ≥ 0.</param>
    /// <returns>The components and rates; empty input gives <see langword="null"/> rates.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A revenue is negative or not finite; the message names its position.</exception>
    public static RevenueRetentionResult Calculate(ReadOnlySpan<double> startRevenue, ReadOnlySpan<double> endRevenue)
    {
        if (startRevenue.Length != endRevenue.Length)
        {
            Internal.ThrowHelper.LengthMismatch(nameof(endRevenue), startRevenue.Length, endRevenue.Length);
        }

        double start = 0, expansion = 0, contraction = 0, churned = 0;
        for (int i = 0; i < startRevenue.Length; i++)
        {
            double s = startRevenue[i], e = endRevenue[i];
            if (!(s >= 0 && double.IsFinite(s)))
            {
                Internal.ThrowHelper.InvalidWeight(nameof(startRevenue), i, s);
            }

            if (!(e >= 0 && double.IsFinite(e)))
            {
                Internal.ThrowHelper.InvalidWeight(nameof(endRevenue), i, e);
            }

            start += s;
            if (e == 0)
            {
                churned += s;
            }
            else if (e < s)
            {
                contraction += s - e;
            }
            else
            {
                expansion += e - s;
            }
        }

        return new RevenueRetentionResult(start, expansion, contraction, churned);
    }
}

using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Retention;

/// <summary>
/// The Kaplan–Meier product-limit estimator of the survival (still-a-customer) curve, with right censoring, ties,
/// Greenwood standard errors and log-log confidence bands (Kaplan &amp; Meier 1958, JASA 53(282); Greenwood 1926;
/// Kalbfleisch &amp; Prentice 2002, <i>The Statistical Analysis of Failure Time Data</i>, §4.3).
/// </summary>
/// <remarks>
/// <para>At each distinct time tᵢ with dᵢ events among nᵢ at risk, Ŝ(t) = Π_{tᵢ ≤ t}(1 − dᵢ/nᵢ). Ties: all events at a
/// time share one factor; subjects censored at tᵢ are at risk at tᵢ (censoring is taken to happen just after the events,
/// the universal convention). Greenwood: Var Ŝ(t) = Ŝ(t)²·Σ dᵢ/(nᵢ(nᵢ − dᵢ)). The band is the log-log one
/// (the default of R's survival::survfit with conf.type = "log-log" and of lifelines): with v = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) and
/// σ = √v/|log Ŝ|, the bounds are Ŝ^exp(±z·σ), which always lie in [0, 1].</para>
/// <para>Customer records become durations in days: start → end for customers who churned on or before the as-of date
/// (events), start → as-of for the rest (censored). Durations are integers (days or any whole unit). When the largest
/// duration is small next to the count, times are counted into a table (O(n + max), no sort); otherwise sorted.</para>
/// </remarks>
public static class KaplanMeier
{
    /// <summary>Estimates the survival curve of customer records observed up to <paramref name="asOf"/>.</summary>
    /// <param name="customers">The customers; every start must be on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The last day of observation: ends after it are not yet known, so those customers are censored.</param>
    /// <param name="options">The band level, or <see langword="null"/> for <see cref="SurvivalOptions.Default"/>.</param>
    /// <returns>The curve in days; an empty input gives an empty curve.</returns>
    /// <exception cref="ArgumentException">A customer starts after <paramref name="asOf"/>.</exception>
    public static KaplanMeierCurve Estimate(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf, SurvivalOptions? options = null)
    {
        int[] durations = new int[customers.Length];
        bool[] observed = new bool[customers.Length];
        SurvivalTimes.FromCustomers(customers, asOf, durations, observed, nameof(customers));
        return Estimate(durations, observed, options);
    }

    /// <summary>Converts customer records to durations in days and event flags, as <see cref="Estimate(ReadOnlySpan{CustomerRecord}, DateOnly, SurvivalOptions?)"/> does.</summary>
    /// <param name="customers">The customers; every start must be on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The last day of observation.</param>
    /// <param name="durations">Receives the days observed, one per customer.</param>
    /// <param name="observed">Receives whether the customer churned (true) or is censored (false).</param>
    /// <exception cref="ArgumentException">A destination is shorter than <paramref name="customers"/>, or a customer starts after <paramref name="asOf"/>.</exception>
    public static void ToDurations(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf, Span<int> durations, Span<bool> observed)
    {
        if (durations.Length < customers.Length)
        {
            Internal.ThrowHelper.DestinationTooShort(nameof(durations), customers.Length, durations.Length);
        }

        if (observed.Length < customers.Length)
        {
            Internal.ThrowHelper.DestinationTooShort(nameof(observed), customers.Length, observed.Length);
        }

        SurvivalTimes.FromCustomers(customers, asOf, durations, observed, nameof(customers));
    }

    /// <summary>Estimates the survival curve of durations with event flags.</summary>
    /// <param name="durations">Time observed per subject, ≥ 0.</param>
    /// <param name="observed">Per subject: true when the time ends in an event (churn), false when censored.</param>
    /// <param name="options">The band level, or <see langword="null"/> for <see cref="SurvivalOptions.Default"/>.</param>
    /// <returns>The curve; an empty input gives an empty curve.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public static KaplanMeierCurve Estimate(ReadOnlySpan<int> durations, ReadOnlySpan<bool> observed, SurvivalOptions? options = null)
    {
        double level = (options ?? SurvivalOptions.Default).Validate().ConfidenceLevel;
        int max = SurvivalTimes.Validate(durations, observed, nameof(durations), nameof(observed));
        double z = StandardNormal.TwoSidedCriticalValue(level);
        var builder = new Builder(durations.Length, z);
        if (max < 0)
        {
            return new KaplanMeierCurve([], 0, level);
        }

        if (SurvivalTimes.UseTable(max, durations.Length))
        {
            int[] events = new int[max + 1];
            int[] censored = new int[max + 1];
            SurvivalTimes.Count(durations, observed, events, censored);
            for (int t = 0; t <= max; t++)
            {
                if ((events[t] | censored[t]) != 0)
                {
                    builder.Step(t, events[t], censored[t]);
                }
            }
        }
        else
        {
            long[] keys = SurvivalTimes.SortedKeys(durations, observed);
            for (int i = 0; i < keys.Length;)
            {
                (int time, int events, int censored) = SurvivalTimes.NextTime(keys, ref i);
                builder.Step(time, events, censored);
            }
        }

        return new KaplanMeierCurve(builder.Points, durations.Length, level);
    }

    /// <summary>Accumulates the product and the Greenwood sum step by step.</summary>
    private sealed class Builder(long count, double z)
    {
        private long _atRisk = count;
        private double _survival = 1;
        private double _greenwood;

        public List<SurvivalPoint> Points { get; } = [];

        public void Step(int time, long events, long censored)
        {
            long n = _atRisk;
            if (events > 0)
            {
                _survival *= 1 - ((double)events / n);
                _greenwood = events < n ? _greenwood + ((double)events / (n * (double)(n - events))) : double.PositiveInfinity;
            }

            double? se = null, lower = null, upper = null;
            if (_survival > 0)
            {
                se = _survival * Math.Sqrt(_greenwood);
                if (_survival < 1 && _greenwood > 0)
                {
                    double logS = Math.Log(_survival);
                    double sigma = Math.Sqrt(_greenwood) / Math.Abs(logS);
                    lower = Math.Pow(_survival, Math.Exp(z * sigma));
                    upper = Math.Pow(_survival, Math.Exp(-z * sigma));
                }
                else
                {
                    lower = _survival;
                    upper = _survival;
                }
            }

            Points.Add(new SurvivalPoint(time, n, events, censored, _survival, se, lower, upper));
            _atRisk = n - events - censored;
        }
    }
}

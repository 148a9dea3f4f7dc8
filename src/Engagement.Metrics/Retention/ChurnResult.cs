using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Churn over one period [<see cref="From"/>, <see cref="To"/>): the customer counts it came from and the rate of the
/// chosen <see cref="Method"/>, plus the retention rates the same counts give.
/// </summary>
/// <remarks>
/// <para>Counts follow the date convention of <see cref="CustomerRecord"/>: S = customers at the start, N = acquired in
/// the period, L = lost in the period (L_S of them from S, the rest from N), E = S + N − L at the end, and the
/// customer-days at risk D = Σ days each customer was active inside the period.</para>
/// <list type="bullet">
/// <item><description>Simple churn: L_S / S.</description></item>
/// <item><description>Adjusted churn: L / ((S + E) / 2).</description></item>
/// <item><description>Predictive churn: daily rate h = L / D, over the period 1 − (1 − h)^days.</description></item>
/// <item><description>Retention rate: (S − L_S) / S = 1 − simple churn. Customer retention rate CRR = (E − N) / S.</description></item>
/// </list>
/// <para>Rates are fractions in [0, 1] (adjusted churn can exceed 1 when the base shrinks fast), <see langword="null"/>
/// when their denominator is 0.</para>
/// </remarks>
public readonly struct ChurnResult : IEquatable<ChurnResult>
{
    /// <summary>Creates a result from its counts (also the JSON constructor).</summary>
    /// <param name="method">The churn method <see cref="Rate"/> reports.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the period (exclusive); after <paramref name="from"/>.</param>
    /// <param name="startCustomers">S, customers at the start, ≥ 0.</param>
    /// <param name="acquired">N, customers acquired in the period, ≥ 0.</param>
    /// <param name="lostFromStart">L_S, customers of S lost in the period, 0 ≤ L_S ≤ S.</param>
    /// <param name="lostFromAcquired">Customers of N lost in the period, 0 ≤ · ≤ N.</param>
    /// <param name="customerDays">D, customer-days at risk in the period, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, more customers are lost than there were, or <paramref name="to"/> ≤ <paramref name="from"/>.</exception>
    [JsonConstructor]
    public ChurnResult(ChurnMethod method, DateOnly from, DateOnly to, long startCustomers, long acquired, long lostFromStart, long lostFromAcquired, long customerDays)
    {
        ChurnErrors.Period(from, to);
        ChurnErrors.NonNegative(startCustomers, nameof(startCustomers));
        ChurnErrors.NonNegative(acquired, nameof(acquired));
        ChurnErrors.NonNegative(customerDays, nameof(customerDays));
        ChurnErrors.LostAtMost(lostFromStart, startCustomers, nameof(lostFromStart), "startCustomers");
        ChurnErrors.LostAtMost(lostFromAcquired, acquired, nameof(lostFromAcquired), "acquired");
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown churn method; use Simple, Adjusted or Predictive.");
        }

        Method = method;
        From = from;
        To = to;
        StartCustomers = startCustomers;
        Acquired = acquired;
        LostFromStart = lostFromStart;
        LostFromAcquired = lostFromAcquired;
        CustomerDays = customerDays;
    }

    /// <summary>The churn method <see cref="Rate"/> reports.</summary>
    public ChurnMethod Method { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly From { get; }

    /// <summary>The day after the period (exclusive).</summary>
    public DateOnly To { get; }

    /// <summary>The length of the period in days, To − From.</summary>
    [JsonIgnore]
    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>S: customers at the start of the period.</summary>
    public long StartCustomers { get; }

    /// <summary>N: customers acquired during the period.</summary>
    public long Acquired { get; }

    /// <summary>L_S: customers present at the start who were lost during the period.</summary>
    public long LostFromStart { get; }

    /// <summary>Customers acquired during the period who were also lost during it.</summary>
    public long LostFromAcquired { get; }

    /// <summary>L: all customers lost during the period, L_S + those acquired and lost.</summary>
    [JsonIgnore]
    public long Lost => LostFromStart + LostFromAcquired;

    /// <summary>E: customers at the end of the period, S + N − L.</summary>
    [JsonIgnore]
    public long EndCustomers => StartCustomers + Acquired - Lost;

    /// <summary>D: customer-days at risk, the days each customer was active inside the period, summed.</summary>
    public long CustomerDays { get; }

    /// <summary>The churn rate of <see cref="Method"/> (a fraction), or <see langword="null"/> when its denominator is 0.</summary>
    [JsonIgnore]
    public double? Rate => Method switch
    {
        ChurnMethod.Simple => SimpleRate,
        ChurnMethod.Adjusted => AdjustedRate,
        _ => PredictiveRate,
    };

    /// <summary>Simple churn L_S / S; <see langword="null"/> when S = 0.</summary>
    [JsonIgnore]
    public double? SimpleRate => StartCustomers > 0 ? (double)LostFromStart / StartCustomers : null;

    /// <summary>Adjusted (midpoint) churn L / ((S + E) / 2); <see langword="null"/> when S + E = 0.</summary>
    [JsonIgnore]
    public double? AdjustedRate => StartCustomers + EndCustomers > 0 ? 2.0 * Lost / (StartCustomers + EndCustomers) : null;

    /// <summary>The at-risk-weighted daily churn rate h = L / D (expected churn per customer-day); <see langword="null"/> when D = 0.</summary>
    [JsonIgnore]
    public double? DailyRate => CustomerDays > 0 ? (double)Lost / CustomerDays : null;

    /// <summary>Predictive churn over the period, 1 − (1 − h)^days with h = <see cref="DailyRate"/>; <see langword="null"/> when D = 0.</summary>
    [JsonIgnore]
    public double? PredictiveRate => DailyRate is double h ? Churn.ConvertRate(Math.Min(h, 1), Days) : null;

    /// <summary>Retention rate (S − L_S) / S = 1 − simple churn; <see langword="null"/> when S = 0.</summary>
    [JsonIgnore]
    public double? RetentionRate => StartCustomers > 0 ? (double)(StartCustomers - LostFromStart) / StartCustomers : null;

    /// <summary>Customer retention rate CRR = (E − N) / S; <see langword="null"/> when S = 0. Lower than <see cref="RetentionRate"/> when acquired customers also churned.</summary>
    [JsonIgnore]
    public double? CustomerRetentionRate => StartCustomers > 0 ? (double)(EndCustomers - Acquired) / StartCustomers : null;

    /// <summary>
    /// The standard error of <see cref="Rate"/>: binomial √(p(1 − p)/S) for simple churn; for predictive churn the
    /// Poisson SE √L / D of the daily rate carried to the period rate by the delta method (days·(1 − h)^(days−1)·SE);
    /// <see langword="null"/> for adjusted churn (a ratio to an average, not a proportion of a fixed group) and when there is no rate.
    /// </summary>
    [JsonIgnore]
    public double? StandardError => Method switch
    {
        ChurnMethod.Simple when SimpleRate is double p => Math.Sqrt(p * (1 - p) / StartCustomers),
        ChurnMethod.Predictive when DailyRate is double h && h < 1 =>
            Days * Math.Pow(1 - h, Days - 1) * Math.Sqrt(Lost) / CustomerDays,
        _ => null,
    };

    /// <summary>
    /// A confidence interval for <see cref="Rate"/>: Wilson for simple churn; for predictive churn the interval
    /// h·exp(±z/√L) of the Poisson rate (log scale), carried to the period; <see langword="null"/> for adjusted churn,
    /// when there is no rate, and for predictive churn with no losses.
    /// </summary>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, or <see langword="null"/>.</returns>
    public Interval? ConfidenceInterval(double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCriticalValue(level);
        switch (Method)
        {
            case ChurnMethod.Simple when StartCustomers > 0:
                return ConfidenceIntervals.Wilson(LostFromStart, StartCustomers, level);
            case ChurnMethod.Predictive when Lost > 0 && DailyRate is double h:
                double spread = Math.Exp(z / Math.Sqrt(Lost));
                return new Interval(level, Churn.ConvertRate(Math.Min(h / spread, 1), Days), Churn.ConvertRate(Math.Min(h * spread, 1), Days));
            default:
                return null;
        }
    }

    /// <summary>Returns the same counts reported with another method.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The result.</returns>
    public ChurnResult WithMethod(ChurnMethod method) =>
        new(method, From, To, StartCustomers, Acquired, LostFromStart, LostFromAcquired, CustomerDays);

    /// <inheritdoc />
    public bool Equals(ChurnResult other) =>
        Method == other.Method && From == other.From && To == other.To && StartCustomers == other.StartCustomers &&
        Acquired == other.Acquired && LostFromStart == other.LostFromStart && LostFromAcquired == other.LostFromAcquired &&
        CustomerDays == other.CustomerDays;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChurnResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Method, From, To, StartCustomers, Acquired, LostFromStart, LostFromAcquired, CustomerDays);

    /// <summary>Formats as <c>Simple churn 2025-01-01..2025-02-01: 0.05 (S 200, N 30, L 12, E 218)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Method} churn {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Rate:G4} (S {StartCustomers}, N {Acquired}, L {Lost}, E {EndCustomers})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ChurnResult left, ChurnResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ChurnResult left, ChurnResult right) => !left.Equals(right);
}

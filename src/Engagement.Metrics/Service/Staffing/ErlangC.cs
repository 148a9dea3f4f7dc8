using System.Globalization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// Erlang C (M/M/N) staffing: the probability of waiting, average speed of answer, service level and occupancy of
/// N agents facing Poisson arrivals with exponential handle times, and the fewest agents that meet a target.
/// </summary>
/// <remarks>
/// <para>
/// The offered load is <c>A = λ · AHT</c> erlangs, with λ the arrival rate (calls per interval / interval). See
/// <see cref="ErlangCResult"/> for the formulas: P_w comes from the Erlang B recursion
/// B(n) = A·B(n−1) / (n + A·B(n−1)) and C = N·B / (N − A(1 − B)), which is exact and overflow-free for any
/// N and A, in O(N) time and no allocation.
/// </para>
/// <para>
/// Erlang C ignores abandonment, so it overstates waiting and over-staffs when callers hang up; see
/// <see cref="ErlangA"/> for the model with impatient callers.
/// </para>
/// </remarks>
public static class ErlangC
{
    /// <summary>The offered load in erlangs, A = λ · AHT = calls · AHT / interval.</summary>
    /// <param name="callsPerInterval">The expected number of calls in the interval, finite and ≥ 0.</param>
    /// <param name="interval">The length of the interval, &gt; 0 (for example 30 minutes).</param>
    /// <param name="averageHandleTime">The mean handle time (talk + hold + wrap), &gt; 0.</param>
    /// <returns>The offered load A in erlangs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, zero where it must be positive, or not finite.</exception>
    public static double OfferedLoad(double callsPerInterval, TimeSpan interval, TimeSpan averageHandleTime)
    {
        Guard.NonNegative(callsPerInterval);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageHandleTime, TimeSpan.Zero);
        return callsPerInterval * averageHandleTime.Ticks / interval.Ticks;
    }

    /// <summary>Predicts the performance of a given number of agents.</summary>
    /// <param name="callsPerInterval">The expected number of calls in the interval, finite and ≥ 0.</param>
    /// <param name="interval">The length of the interval, &gt; 0.</param>
    /// <param name="averageHandleTime">The mean handle time, &gt; 0.</param>
    /// <param name="agents">The number of agents on the phones, ≥ 1.</param>
    /// <param name="serviceLevelThreshold">The answer-time threshold t of the service level, ≥ 0 (often 20 s).</param>
    /// <returns>P_w, ASA, SL(t) and occupancy; the waiting metrics are <see langword="null"/> when N ≤ A (unstable).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    /// <remarks>
    /// <c>P_w = N·B / (N − A(1 − B))</c> with B the Erlang B recursion, <c>ASA = P_w·AHT/(N − A)</c>,
    /// <c>SL(t) = 1 − P_w·exp(−(N − A)·t/AHT)</c>, occupancy <c>A/N</c> (Gans, Koole and Mandelbaum 2003, MSOM 5(2), §4.1).
    /// </remarks>
    public static ErlangCResult Evaluate(double callsPerInterval, TimeSpan interval, TimeSpan averageHandleTime, int agents, TimeSpan serviceLevelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceLevelThreshold, TimeSpan.Zero);
        return new ErlangCResult(agents, OfferedLoad(callsPerInterval, interval, averageHandleTime), averageHandleTime, serviceLevelThreshold);
    }

    /// <summary>Finds the fewest agents that meet every target in <paramref name="options"/>.</summary>
    /// <param name="callsPerInterval">The expected number of calls in the interval, finite and ≥ 0.</param>
    /// <param name="interval">The length of the interval, &gt; 0.</param>
    /// <param name="averageHandleTime">The mean handle time, &gt; 0.</param>
    /// <param name="options">The targets and shrinkage; <see cref="StaffingOptions.Default"/> (80 % in 20 s) when null.</param>
    /// <returns>The minimal N with N &gt; A and SL(t) ≥ target, ASA ≤ its maximum and A/N ≤ the maximum occupancy (those that are set), its metrics and the scheduled staff.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    /// <exception cref="ArgumentException">The options are invalid or set <see cref="StaffingOptions.MaxAbandonmentRate"/>.</exception>
    /// <remarks>
    /// Every metric improves monotonically with N, so the search walks up from ⌊A⌋ + 1, extending the Erlang B
    /// recursion by one step per candidate: O(N) in all, no allocation.
    /// </remarks>
    public static StaffingRequirement RequiredAgents(double callsPerInterval, TimeSpan interval, TimeSpan averageHandleTime, StaffingOptions? options = null)
    {
        StaffingOptions o = (options ?? StaffingOptions.Default).Validate();
        if (o.MaxAbandonmentRate is { } abandonment)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"StaffingOptions.MaxAbandonmentRate is {abandonment}, but Erlang C has no abandonment. Use ErlangA.RequiredAgents with the callers' mean patience, or remove the target."),
                nameof(options));
        }

        double load = OfferedLoad(callsPerInterval, interval, averageHandleTime);
        if (load >= int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(callsPerInterval), callsPerInterval, "The offered load needs more agents than an int can count.");
        }

        double thresholdOverAht = o.ServiceLevelThreshold.TotalSeconds / averageHandleTime.TotalSeconds;
        double ahtSeconds = averageHandleTime.TotalSeconds;
        int first = (int)Math.Floor(load) + 1;
        double b = 1;
        int n = 0;
        while (true)
        {
            n++;
            b = NextErlangB(n, load, b);
            if (n >= first && Meets(n, load, b, thresholdOverAht, ahtSeconds, o))
            {
                return new StaffingRequirement(new ErlangCResult(n, load, averageHandleTime, o.ServiceLevelThreshold), o.Shrinkage);
            }
        }
    }

    private static bool Meets(int n, double load, double b, double thresholdOverAht, double ahtSeconds, StaffingOptions o)
    {
        double pw = ProbabilityOfWaiting(n, load, b);
        return (o.ServiceLevelTarget is not { } target || ServiceLevel(n, load, pw, thresholdOverAht) >= target)
            && (o.MaxAverageSpeedOfAnswer is not { } asa || pw * ahtSeconds / (n - load) <= asa.TotalSeconds)
            && (o.MaxOccupancy is not { } occupancy || load / n <= occupancy);
    }

    /// <summary>Erlang B, B(N, A), by the recursion B(n) = A·B(n−1) / (n + A·B(n−1)), B(0) = 1 (Jagerman 1974).</summary>
    internal static double ErlangB(int servers, double load)
    {
        double b = 1;
        for (int n = 1; n <= servers && b != 0; n++)
        {
            b = NextErlangB(n, load, b);
        }

        return b;
    }

    private static double NextErlangB(int n, double load, double previous) => load * previous / (n + (load * previous));

    /// <summary>Erlang C from Erlang B: C = N·B / (N − A(1 − B)), for N &gt; A; clamped to [0, 1] against rounding.</summary>
    internal static double ProbabilityOfWaiting(int agents, double load, double erlangB) =>
        Math.Clamp(agents * erlangB / (agents - (load * (1 - erlangB))), 0, 1);

    /// <summary>SL(t) = 1 − P_w·exp(−(N − A)·t/AHT).</summary>
    internal static double ServiceLevel(int agents, double load, double probabilityOfWaiting, double thresholdOverAht) =>
        1 - (probabilityOfWaiting * Math.Exp(-(agents - load) * thresholdOverAht));
}

namespace Engagement.Metrics.Service;

/// <summary>
/// Erlang A (Palm's M/M/N+M queue): Erlang C with impatient callers who hang up after an exponentially
/// distributed patience time with mean θ⁻¹. Always stable, even when N ≤ A.
/// </summary>
/// <remarks>
/// <para>
/// Model and closed forms: Garnett, Mandelbaum and Reiman 2002, "Designing a call center with impatient
/// customers", Manufacturing &amp; Service Operations Management 4(3), 208–227, §2 (after Palm 1946); the
/// incomplete-gamma formulas are collected in Mandelbaum and Zeltyn, "The M/M/n+G queue: summary of performance
/// measures" (Technion lecture notes). See <see cref="ErlangAResult"/> for exactly what is computed and how.
/// </para>
/// <para>
/// As the mean patience grows without bound, every metric tends to its Erlang C value (a property test checks it).
/// </para>
/// </remarks>
public static class ErlangA
{
    /// <summary>Predicts the performance of a given number of agents when callers abandon.</summary>
    /// <param name="callsPerInterval">The expected number of calls in the interval, finite and ≥ 0.</param>
    /// <param name="interval">The length of the interval, &gt; 0.</param>
    /// <param name="averageHandleTime">The mean handle time, &gt; 0.</param>
    /// <param name="averagePatience">The mean time a caller is willing to wait, θ⁻¹, &gt; 0.</param>
    /// <param name="agents">The number of agents on the phones, ≥ 1.</param>
    /// <param name="serviceLevelThreshold">The answer-time threshold t of the service level, ≥ 0.</param>
    /// <returns>P(wait), P(abandon), ASA, mean wait, service level and occupancy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    /// <remarks>Offered load <c>A = calls · AHT / interval</c>; the formulas are on <see cref="ErlangAResult"/>.</remarks>
    public static ErlangAResult Evaluate(double callsPerInterval, TimeSpan interval, TimeSpan averageHandleTime, TimeSpan averagePatience, int agents, TimeSpan serviceLevelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averagePatience, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceLevelThreshold, TimeSpan.Zero);
        return new ErlangAResult(agents, ErlangC.OfferedLoad(callsPerInterval, interval, averageHandleTime), averageHandleTime, averagePatience, serviceLevelThreshold);
    }

    /// <summary>Finds the fewest agents that meet every target in <paramref name="options"/> when callers abandon.</summary>
    /// <param name="callsPerInterval">The expected number of calls in the interval, finite and ≥ 0.</param>
    /// <param name="interval">The length of the interval, &gt; 0.</param>
    /// <param name="averageHandleTime">The mean handle time, &gt; 0.</param>
    /// <param name="averagePatience">The mean time a caller is willing to wait, θ⁻¹, &gt; 0.</param>
    /// <param name="options">The targets and shrinkage; <see cref="StaffingOptions.Default"/> (80 % in 20 s) when null.</param>
    /// <returns>The minimal N meeting SL(t) ≥ target, ASA ≤ its maximum, occupancy ≤ its maximum and P(abandon) ≤ its maximum (those that are set), with its Erlang A metrics and the scheduled staff.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <remarks>
    /// <para>
    /// Here the service level counts abandoned calls as not answered (see <see cref="ErlangAResult.ServiceLevel"/>),
    /// so an 80/20 target is harder to meet than under Erlang C for the same N whenever patience is short — and the
    /// answer is still usually <em>fewer</em> agents than Erlang C asks for, because callers who hang up free the
    /// queue (Garnett, Mandelbaum and Reiman 2002 §5 make this point: Erlang C overstaffs).
    /// </para>
    /// <para>
    /// Every metric improves with N (a property test checks it), so the search walks up from one agent; each
    /// candidate costs one evaluation of the queue sums.
    /// </para>
    /// </remarks>
    public static ErlangAStaffingRequirement RequiredAgents(double callsPerInterval, TimeSpan interval, TimeSpan averageHandleTime, TimeSpan averagePatience, StaffingOptions? options = null)
    {
        StaffingOptions o = (options ?? StaffingOptions.Default).Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averagePatience, TimeSpan.Zero);
        double load = ErlangC.OfferedLoad(callsPerInterval, interval, averageHandleTime);
        for (int n = 1; ; n++)
        {
            var candidate = new ErlangAResult(n, load, averageHandleTime, averagePatience, o.ServiceLevelThreshold);
            if (Meets(candidate, o))
            {
                return new ErlangAStaffingRequirement(candidate, o.Shrinkage);
            }
        }
    }

    private static bool Meets(in ErlangAResult r, StaffingOptions o) =>
        (o.ServiceLevelTarget is not { } target || r.ServiceLevel >= target)
        && (o.MaxAverageSpeedOfAnswer is not { } asa || r.AverageSpeedOfAnswerSeconds <= asa.TotalSeconds)
        && (o.MaxOccupancy is not { } occupancy || r.Occupancy <= occupancy)
        && (o.MaxAbandonmentRate is not { } abandonment || r.ProbabilityOfAbandonment <= abandonment);

    /// <summary>The state sums of the queue part of the stationary distribution, in units of π_N.</summary>
    /// <remarks>
    /// With γ = θ/μ = AHT / patience, r₀ = 1 and r_k = r_{k−1} · A / (N + kγ) (π_{N+k} = π_N r_k):
    /// S = Σ r_k, S₁ = Σ k r_k and S_w = Σ r_k · N/(N + (k+1)γ) · Σ_{i=1}^{k+1} 1/(N + iγ), the last being the
    /// (unnormalised) mean wait of answered callers in AHT units. All terms are positive; the running values are
    /// rescaled by 2⁻⁸⁰⁰ whenever they pass 2⁸⁰⁰, and the scale is returned as a natural logarithm.
    /// </remarks>
    internal static (double Sum, double FirstMoment, double ServedWait, double LogScale) QueueSums(int agents, double load, double gamma)
    {
        const double Big = 6.668014432879854e240; // 2^800
        const double LogBig = 554.5177444479562;   // 800 ln 2
        double term = 1;
        double harmonic = 1 / (agents + gamma);
        double sum = 1;
        double first = 0;
        double served = agents / (agents + gamma) * harmonic;
        double logScale = 0;
        for (long k = 1; k < 1_000_000_000; k++)
        {
            double ratio = load / (agents + (k * gamma));
            term *= ratio;
            harmonic += 1 / (agents + ((k + 1) * gamma));
            double answered = agents / (agents + ((k + 1) * gamma));
            sum += term;
            first += k * term;
            served += term * answered * harmonic;
            if (sum > Big)
            {
                term /= Big;
                sum /= Big;
                first /= Big;
                served /= Big;
                logScale += LogBig;
            }

            // Past the peak the terms fall at least geometrically with the current ratio, so the tail of Σ k r_k is
            // at most k r_k / (1 − ratio)²; the served-wait tail is smaller than the first-moment tail (per unit of N).
            if (ratio < 1)
            {
                double slack = (1 - ratio) * (1 - ratio);
                if ((k + 1) * term <= 1e-17 * slack * first && term <= 1e-17 * slack * sum && term * harmonic * (k + 1) <= 1e-17 * slack * served)
                {
                    break;
                }
            }
        }

        return (sum, first, served, logScale);
    }

    /// <summary>ln g(a, z) with g(a, z) = Σ_{k≥0} zᵏ / (a(a+1)…(a+k)) = γ(a, z) z⁻ᵃ eᶻ, given as first term and ratios.</summary>
    /// <remarks>Here a = (N + γ)/γ and z = A e^{−γτ}/γ, so the first term is γ/(N + γ) and the k-th ratio A e^{−γτ}/(N + (k+1)γ).</remarks>
    internal static double LogShiftedGammaSeries(int agents, double gamma, double scaledLoad)
    {
        const double Big = 6.668014432879854e240;
        const double LogBig = 554.5177444479562;
        double term = gamma / (agents + gamma);
        double sum = term;
        double logScale = 0;
        for (long k = 1; k < 1_000_000_000; k++)
        {
            double ratio = scaledLoad / (agents + ((k + 1) * gamma));
            term *= ratio;
            sum += term;
            if (sum > Big)
            {
                term /= Big;
                sum /= Big;
                logScale += LogBig;
            }

            if (ratio < 1 && term <= 1e-17 * (1 - ratio) * sum)
            {
                break;
            }
        }

        return Math.Log(sum) + logScale;
    }
}

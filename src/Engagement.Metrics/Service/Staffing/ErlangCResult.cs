using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// The predicted performance of an M/M/N (Erlang C) queue: N agents, offered load A erlangs, exponential handle
/// times with mean AHT, infinitely patient callers served first come, first served.
/// </summary>
/// <remarks>
/// <para>
/// With the Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) (Jagerman 1974, "Some properties of the
/// Erlang loss function", Bell System Technical Journal 53(3)), the probability of waiting is
/// <c>P_w = C(N, A) = N·B(N) / (N − A·(1 − B(N)))</c> (the Erlang C–Erlang B relation; Cooper,
/// <i>Introduction to Queueing Theory</i>, 2nd ed., 1981, ch. 3). Then <c>ASA = P_w · AHT / (N − A)</c>,
/// <c>SL(t) = P(wait ≤ t) = 1 − P_w · exp(−(N − A) · t / AHT)</c> and <c>occupancy = A / N</c>
/// (Gans, Koole and Mandelbaum 2003, "Telephone call centers: tutorial, review, and research prospects",
/// Manufacturing &amp; Service Operations Management 5(2), §4.1). Every term is a ratio in (0, 1], so nothing
/// overflows, unlike the textbook form with Aᴺ/N! and a power sum.
/// </para>
/// <para>
/// The queue is stable only when N &gt; A. Otherwise <see cref="IsStable"/> is false, the waiting metrics are
/// <see langword="null"/> (the queue grows without bound) and <see cref="Occupancy"/> is 1.
/// </para>
/// </remarks>
public readonly struct ErlangCResult : IEquatable<ErlangCResult>
{
    private readonly double _probabilityOfWaiting;

    /// <summary>Evaluates the queue for an offered load (also the JSON constructor).</summary>
    /// <param name="agents">The number of agents N on the phones, ≥ 1.</param>
    /// <param name="offeredLoad">The offered load A = λ · AHT in erlangs, finite and ≥ 0.</param>
    /// <param name="averageHandleTime">The mean handle time (talk + hold + wrap), &gt; 0.</param>
    /// <param name="serviceLevelThreshold">The answer-time threshold t of <see cref="ServiceLevel"/>, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    [JsonConstructor]
    public ErlangCResult(int agents, double offeredLoad, TimeSpan averageHandleTime, TimeSpan serviceLevelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageHandleTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceLevelThreshold, TimeSpan.Zero);
        Agents = agents;
        OfferedLoad = Guard.NonNegative(offeredLoad);
        AverageHandleTime = averageHandleTime;
        ServiceLevelThreshold = serviceLevelThreshold;
        _probabilityOfWaiting = agents > offeredLoad ? ErlangC.ProbabilityOfWaiting(agents, offeredLoad, ErlangC.ErlangB(agents, offeredLoad)) : double.NaN;
    }

    /// <summary>The number of agents N on the phones.</summary>
    public int Agents { get; }

    /// <summary>The offered load A = λ · AHT in erlangs.</summary>
    public double OfferedLoad { get; }

    /// <summary>The mean handle time.</summary>
    public TimeSpan AverageHandleTime { get; }

    /// <summary>The answer-time threshold t of <see cref="ServiceLevel"/>.</summary>
    public TimeSpan ServiceLevelThreshold { get; }

    /// <summary>Whether the queue is stable (N &gt; A); without it the waiting metrics are <see langword="null"/>.</summary>
    public bool IsStable => Agents > OfferedLoad;

    /// <summary>The probability that a call waits, P_w = C(N, A), in [0, 1]; <see langword="null"/> when unstable.</summary>
    public double? ProbabilityOfWaiting => IsStable ? _probabilityOfWaiting : null;

    /// <summary>The average speed of answer (mean wait of all calls), P_w · AHT / (N − A); <see langword="null"/> when unstable.</summary>
    public TimeSpan? AverageSpeedOfAnswer => IsStable
        ? TimeSpan.FromTicks((long)Math.Round(_probabilityOfWaiting * AverageHandleTime.Ticks / (Agents - OfferedLoad)))
        : null;

    /// <summary>The average speed of answer in seconds, unrounded; <see langword="null"/> when unstable.</summary>
    [JsonIgnore]
    public double? AverageSpeedOfAnswerSeconds => IsStable ? _probabilityOfWaiting * AverageHandleTime.TotalSeconds / (Agents - OfferedLoad) : null;

    /// <summary>The service level SL(t) = 1 − P_w · exp(−(N − A) · t / AHT), the share answered within <see cref="ServiceLevelThreshold"/>; <see langword="null"/> when unstable.</summary>
    public double? ServiceLevel => IsStable ? GetServiceLevel(ServiceLevelThreshold) : null;

    /// <summary>The agent occupancy A / N, in [0, 1]; 1 when unstable.</summary>
    public double Occupancy => Agents == 0 ? 0 : Math.Min(1, OfferedLoad / Agents); // default(ErlangCResult) has no agents: 0, not NaN

    /// <summary>The service level for any threshold.</summary>
    /// <param name="threshold">The answer-time threshold t, ≥ 0.</param>
    /// <returns><c>1 − P_w · exp(−(N − A) · t / AHT)</c>, or <see langword="null"/> when unstable.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative.</exception>
    public double? GetServiceLevel(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, TimeSpan.Zero);
        if (!IsStable)
        {
            return null;
        }

        return ErlangC.ServiceLevel(Agents, OfferedLoad, _probabilityOfWaiting, threshold.TotalSeconds / AverageHandleTime.TotalSeconds);
    }

    /// <inheritdoc />
    public bool Equals(ErlangCResult other) =>
        Agents == other.Agents && OfferedLoad.Equals(other.OfferedLoad)
        && AverageHandleTime == other.AverageHandleTime && ServiceLevelThreshold == other.ServiceLevelThreshold;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ErlangCResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Agents, OfferedLoad, AverageHandleTime, ServiceLevelThreshold);

    /// <summary>Formats as <c>Erlang C N = 14, A = 10.00: P_w 0.1741, SL(20s) 0.8884, ASA 7.8s, occupancy 0.714</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => IsStable
        ? string.Create(CultureInfo.InvariantCulture, $"Erlang C N = {Agents}, A = {OfferedLoad:F2}: P_w {_probabilityOfWaiting:F4}, SL({ServiceLevelThreshold.TotalSeconds:0.##}s) {ServiceLevel:F4}, ASA {AverageSpeedOfAnswerSeconds:F1}s, occupancy {Occupancy:F3}")
        : string.Create(CultureInfo.InvariantCulture, $"Erlang C N = {Agents}, A = {OfferedLoad:F2}: unstable (N <= A)");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether all inputs are equal (the metrics follow from them).</returns>
    public static bool operator ==(ErlangCResult left, ErlangCResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any input differs.</returns>
    public static bool operator !=(ErlangCResult left, ErlangCResult right) => !left.Equals(right);
}

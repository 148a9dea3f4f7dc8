using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// The predicted performance of an M/M/N+M (Erlang A) queue: N agents, offered load A erlangs, exponential handle
/// times with mean AHT and exponential patience with mean θ⁻¹, first come, first served.
/// </summary>
/// <remarks>
/// <para>
/// Write γ = θ/μ = AHT / mean patience. The stationary distribution is π_j ∝ Aʲ/j! for j ≤ N and
/// π_{N+k} = π_N r_k with r_k = Π_{i=1..k} A/(N + iγ) (Garnett, Mandelbaum and Reiman 2002, MSOM 4(3), §2).
/// With B the Erlang B value (recursion as in <see cref="ErlangCResult"/>), S = Σ r_k and S₁ = Σ k r_k:
/// </para>
/// <list type="bullet">
/// <item><c>P(wait) = B·S / (1 − B + B·S)</c>. S equals A(x, y) = x eʸ y⁻ˣ γ(x, y) with x = N/γ, y = A/γ, so this is
/// Garnett et al.'s P{W &gt; 0} = A(x, y)·B / (1 + (A(x, y) − 1)·B), evaluated by the lower-incomplete-gamma power
/// series rather than through γ(x, y) itself.</item>
/// <item>Mean queue length <c>E[Q] = P(wait) · S₁/S</c>; <c>P(abandon) = θ E[Q] / λ</c> and the mean wait of all
/// callers (abandoned ones until they hang up) <c>E[W] = E[Q] / λ</c> (Little's law).</item>
/// <item>ASA (mean wait of answered callers): a caller who finds k waiting ahead leaves the queue after phases
/// with rates Nμ + iθ + θ, i = k..0, and is answered with probability Nμ / (Nμ + (k+1)θ) independently of
/// the phase times, so <c>E[W; answered | k] = Nμ/(Nμ + (k+1)θ) · Σ_{i=1..k+1} 1/(Nμ + iθ)</c>, averaged over the
/// arrival-stationary (PASTA) distribution and divided by P(answered) = 1 − P(abandon).</item>
/// <item>Service level, the share of <em>all</em> offered calls answered within t (calls that abandon count
/// as not answered, whenever they abandon): <c>SL(t) = 1 − P(abandon) − P(wait)·L(t)</c>, where the share of
/// waiting callers answered after t is L(t) = e^{−(N+γ)τ + y(1 − e^{−γτ})} · g(x + 1, y e^{−γτ}) / g(x, y), τ = t/AHT and
/// g(a, z) = Σ zᵏ/(a(a+1)…(a+k)) = γ(a, z) z⁻ᵃ eᶻ. This is the incomplete-gamma form of
/// ∫_t^∞ e^{λH(u) − Nμu − θu} du / ∫_0^∞ e^{λH(u) − Nμu} du, H(u) = (1 − e^{−θu})/θ (Mandelbaum and Zeltyn,
/// M/M/n+G summary, with exponential patience).</item>
/// <item>Occupancy is the carried load over N: <c>A · (1 − P(abandon)) / N</c>.</item>
/// </list>
/// <para>
/// Every series has positive terms and is summed with rescaling, so nothing overflows or cancels. The cost is
/// O(max(0, A − N)/γ + √(A/γ)) terms: small unless callers are nearly infinitely patient <em>and</em> the queue is
/// overloaded. The values were checked against an independent exact-rational evaluation of the birth–death chain
/// (see the tests).
/// </para>
/// </remarks>
public readonly struct ErlangAResult : IEquatable<ErlangAResult>
{
    private readonly double _probabilityOfWaiting;
    private readonly double _probabilityOfAbandonment;
    private readonly double _answeredWait;  // mean wait of answered calls, in AHT units
    private readonly double _meanWait;      // mean wait of all calls, in AHT units
    private readonly double _logSum;        // ln S, for the service level

    /// <summary>Evaluates the queue for an offered load (also the JSON constructor).</summary>
    /// <param name="agents">The number of agents N, ≥ 1.</param>
    /// <param name="offeredLoad">The offered load A = λ · AHT in erlangs, finite and ≥ 0.</param>
    /// <param name="averageHandleTime">The mean handle time, &gt; 0.</param>
    /// <param name="averagePatience">The mean patience θ⁻¹, &gt; 0.</param>
    /// <param name="serviceLevelThreshold">The answer-time threshold t of <see cref="ServiceLevel"/>, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    [JsonConstructor]
    public ErlangAResult(int agents, double offeredLoad, TimeSpan averageHandleTime, TimeSpan averagePatience, TimeSpan serviceLevelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageHandleTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averagePatience, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(serviceLevelThreshold, TimeSpan.Zero);
        Agents = agents;
        OfferedLoad = Guard.NonNegative(offeredLoad);
        AverageHandleTime = averageHandleTime;
        AveragePatience = averagePatience;
        ServiceLevelThreshold = serviceLevelThreshold;

        double b = offeredLoad == 0 ? 0 : ErlangC.ErlangB(agents, offeredLoad);
        if (b == 0)
        {
            // No load, or so many agents that Erlang B underflows: nobody waits (to double precision).
            _probabilityOfWaiting = 0;
            _probabilityOfAbandonment = 0;
            _answeredWait = 0;
            _meanWait = 0;
            _logSum = 0;
            return;
        }

        double gamma = Gamma;
        (double sum, double first, double served, double logScale) = ErlangA.QueueSums(agents, offeredLoad, gamma);
        double logSum = Math.Log(sum) + logScale;

        // P_w = 1 / (1 + (1 − B) / (B·S)), in logs because S can exceed the double range.
        double pw = 1 / (1 + Math.Exp(SpecialLog1M(b) - Math.Log(b) - logSum));
        double queuePerWaiting = first / sum;                 // E[Q | the arrival waits] = S₁ / S
        double pab = Math.Min(1, pw * queuePerWaiting * gamma / offeredLoad);
        _probabilityOfWaiting = pw;
        _probabilityOfAbandonment = pab;
        _meanWait = pw * queuePerWaiting / offeredLoad;
        _answeredWait = pw * (served / sum) / (1 - pab);
        _logSum = logSum;
    }

    /// <summary>The number of agents N.</summary>
    public int Agents { get; }

    /// <summary>The offered load A = λ · AHT in erlangs.</summary>
    public double OfferedLoad { get; }

    /// <summary>The mean handle time.</summary>
    public TimeSpan AverageHandleTime { get; }

    /// <summary>The mean patience θ⁻¹: how long callers are willing to wait on average.</summary>
    public TimeSpan AveragePatience { get; }

    /// <summary>The answer-time threshold t of <see cref="ServiceLevel"/>.</summary>
    public TimeSpan ServiceLevelThreshold { get; }

    /// <summary>The probability that a call has to wait, P{W &gt; 0}, in [0, 1].</summary>
    public double ProbabilityOfWaiting => _probabilityOfWaiting;

    /// <summary>The probability that a call abandons, θ E[Q] / λ, in [0, 1].</summary>
    public double ProbabilityOfAbandonment => _probabilityOfAbandonment;

    /// <summary>The average speed of answer: the mean wait of answered calls.</summary>
    public TimeSpan AverageSpeedOfAnswer => TimeSpan.FromTicks((long)Math.Round(_answeredWait * AverageHandleTime.Ticks));

    /// <summary>The average speed of answer in seconds, unrounded.</summary>
    [JsonIgnore]
    public double AverageSpeedOfAnswerSeconds => _answeredWait * AverageHandleTime.TotalSeconds;

    /// <summary>The mean wait of all calls, counting an abandoned call's wait until it hangs up: E[W] = E[Q] / λ.</summary>
    public TimeSpan AverageWait => TimeSpan.FromTicks((long)Math.Round(_meanWait * AverageHandleTime.Ticks));

    /// <summary>The share of all offered calls answered within <see cref="ServiceLevelThreshold"/> (abandoned calls count as not answered).</summary>
    public double ServiceLevel => GetServiceLevel(ServiceLevelThreshold);

    /// <summary>The agent occupancy, carried load over agents: A (1 − P(abandon)) / N, in [0, 1].</summary>
    public double Occupancy => Agents == 0 ? 0 : Math.Min(1, OfferedLoad * (1 - _probabilityOfAbandonment) / Agents); // default(ErlangAResult): 0, not NaN

    private double Gamma => AverageHandleTime.TotalSeconds / AveragePatience.TotalSeconds;

    /// <summary>The service level for any threshold: the share of all offered calls answered within it.</summary>
    /// <param name="threshold">The answer-time threshold t, ≥ 0.</param>
    /// <returns><c>1 − P(abandon) − P(wait) · L(t)</c> with L(t) the share of waiting callers answered after t (see the type remarks).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative.</exception>
    public double GetServiceLevel(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, TimeSpan.Zero);
        if (_probabilityOfWaiting == 0)
        {
            return 1;
        }

        double gamma = Gamma;
        double tau = threshold.TotalSeconds / AverageHandleTime.TotalSeconds;
        double decay = Math.Exp(-gamma * tau);

        // L(t) = exp(E) · g(x+1, y e^{−γτ}) / g(x, y), with g(x, y) = S / x, x = N/γ, y = A/γ.
        double exponent = (-(Agents + gamma) * tau) - (OfferedLoad / gamma * ExpM1(-gamma * tau));
        double logLate = exponent + ErlangA.LogShiftedGammaSeries(Agents, gamma, OfferedLoad * decay) - _logSum + Math.Log(Agents / gamma);
        double late = Math.Exp(logLate);
        return Math.Clamp(1 - _probabilityOfAbandonment - (_probabilityOfWaiting * late), 0, 1);
    }

    // e^x − 1 without cancellation for small |x| (Kahan's trick, as in Goldberg 1991, ACM Computing Surveys 23(1));
    // double.ExpM1 behaves as Math.Exp(x) − 1 on .NET 10 (observed: it cost 8 digits of SL at patience = 10⁹ AHT).
    private static double ExpM1(double x)
    {
        if (!(Math.Abs(x) < 0.5))
        {
            return Math.Exp(x) - 1;
        }

        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    // ln(1 − b) for b in (0, 1].
    private static double SpecialLog1M(double b) => b == 1 ? double.NegativeInfinity : Statistics.SpecialFunctions.Log1P(-b);

    /// <inheritdoc />
    public bool Equals(ErlangAResult other) =>
        Agents == other.Agents && OfferedLoad.Equals(other.OfferedLoad) && AverageHandleTime == other.AverageHandleTime
        && AveragePatience == other.AveragePatience && ServiceLevelThreshold == other.ServiceLevelThreshold;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ErlangAResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Agents, OfferedLoad, AverageHandleTime, AveragePatience, ServiceLevelThreshold);

    /// <summary>Formats as <c>Erlang A N = 14, A = 10.00, patience 180s: P_w 0.1355, P_ab 0.0187, SL(20s) 0.9256, ASA 3.0s</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Erlang A N = {Agents}, A = {OfferedLoad:F2}, patience {AveragePatience.TotalSeconds:0.##}s: P_w {ProbabilityOfWaiting:F4}, P_ab {ProbabilityOfAbandonment:F4}, SL({ServiceLevelThreshold.TotalSeconds:0.##}s) {ServiceLevel:F4}, ASA {AverageSpeedOfAnswerSeconds:F1}s");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether all inputs are equal (the metrics follow from them).</returns>
    public static bool operator ==(ErlangAResult left, ErlangAResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any input differs.</returns>
    public static bool operator !=(ErlangAResult left, ErlangAResult right) => !left.Equals(right);
}

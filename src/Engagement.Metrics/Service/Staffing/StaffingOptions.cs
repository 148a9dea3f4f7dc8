using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// The staffing target that <see cref="ErlangC.RequiredAgents(double, TimeSpan, TimeSpan, StaffingOptions?)"/> solves for:
/// a service level ("80 % of calls answered within 20 s"), optionally an average-speed-of-answer ceiling and an
/// occupancy ceiling, and the shrinkage that turns agents on the phones into scheduled staff.
/// </summary>
/// <remarks>
/// The 80/20 default is the industry convention for inbound voice (Cleveland, <i>Call Center Management on Fast
/// Forward</i>, 3rd ed., 2012, ch. 3, which calls 80/20 the most common objective); it is a convention, not a law,
/// so set your own contract's target. Every target that is set must hold at once.
/// </remarks>
public sealed record StaffingOptions
{
    /// <summary>The conventional 80 % in 20 s target with no ASA or occupancy ceiling and no shrinkage.</summary>
    public static StaffingOptions Default { get; } = new();

    /// <summary>The answer-time threshold t of the service level SL(t) = P(wait ≤ t).</summary>
    /// <value>The default is 20 s (the "20" of the 80/20 convention). Must be ≥ 0.</value>
    public TimeSpan ServiceLevelThreshold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The share of calls that must be answered within <see cref="ServiceLevelThreshold"/>, or <see langword="null"/> for no service-level target.</summary>
    /// <value>The default is 0.80 (the "80" of the 80/20 convention). Must lie strictly between 0 and 1: with any load the service level is below 1.</value>
    public double? ServiceLevelTarget { get; init; } = 0.80;

    /// <summary>The largest acceptable average speed of answer (mean wait of all calls), or <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/> (no ASA target). Must be &gt; 0 when set.</value>
    public TimeSpan? MaxAverageSpeedOfAnswer { get; init; }

    /// <summary>The largest acceptable occupancy A/N, or <see langword="null"/> for none.</summary>
    /// <value>
    /// The default is <see langword="null"/> (no ceiling). Must lie in (0, 1] when set; 0.85–0.90 is a common
    /// ceiling for sustained voice work (Cleveland 2012, ch. 3), which matters for large centres where 80/20 alone
    /// would allow occupancies above 0.95.
    /// </value>
    public double? MaxOccupancy { get; init; }

    /// <summary>The share of paid time agents are not available for calls (breaks, training, absence).</summary>
    /// <value>
    /// The default is 0, so scheduled staff equals agents on the phones. Must lie in [0, 1). Scheduled staff is
    /// ⌈N / (1 − shrinkage)⌉; typical planning values are 0.30–0.35, but they are site-specific, hence no default.
    /// </value>
    public double Shrinkage { get; init; }

    /// <summary>
    /// The largest acceptable share of callers who hang up before being answered, or <see langword="null"/> for none.
    /// Only <see cref="ErlangA.RequiredAgents"/> can use it: Erlang C has no abandonment, and
    /// <see cref="ErlangC.RequiredAgents"/> rejects options that set it rather than ignore it.
    /// </summary>
    /// <value>The default is <see langword="null"/> (no ceiling). Must lie in (0, 1) when set; 0.05 is a common goal for inbound voice.</value>
    public double? MaxAbandonmentRate { get; init; }

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public StaffingOptions Validate()
    {
        new OptionsValidation(nameof(StaffingOptions))
            .Require(ServiceLevelThreshold >= TimeSpan.Zero, $"ServiceLevelThreshold is {ServiceLevelThreshold}; it must be >= 0.")
            .Require(ServiceLevelTarget is null or (> 0 and < 1), $"ServiceLevelTarget is {ServiceLevelTarget}; it must lie strictly between 0 and 1, for example 0.8.")
            .Require(MaxAverageSpeedOfAnswer is null || MaxAverageSpeedOfAnswer > TimeSpan.Zero, $"MaxAverageSpeedOfAnswer is {MaxAverageSpeedOfAnswer}; it must be > 0 when set.")
            .Require(MaxOccupancy is null or (> 0 and <= 1), $"MaxOccupancy is {MaxOccupancy}; it must lie in (0, 1] when set.")
            .Require(Shrinkage is >= 0 and < 1, $"Shrinkage is {Shrinkage}; it must lie in [0, 1).")
            .Require(MaxAbandonmentRate is null or (> 0 and < 1), $"MaxAbandonmentRate is {MaxAbandonmentRate}; it must lie strictly between 0 and 1 when set, for example 0.05.")
            .ThrowIfInvalid();
        return this;
    }

    /// <summary>Scheduled staff ⌈N / (1 − shrinkage)⌉, rounded to 9 decimals first so 14 / 0.7 does not become 21 by a rounding error.</summary>
    internal static int Schedule(int agents, double shrinkage) =>
        shrinkage == 0 ? agents : (int)Math.Ceiling(Math.Round(agents / (1 - shrinkage), 9));
}

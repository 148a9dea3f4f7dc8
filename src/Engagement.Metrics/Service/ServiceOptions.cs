using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// Thresholds and windows of the contact-centre KPIs (<see cref="ServiceAccumulator"/>,
/// <see cref="RepeatContactAccumulator"/>, <see cref="ContactDrivers"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Service level.</b> The variant is "answered within threshold over answered plus abandoned at or after the
/// short-abandon threshold" — short abandons are excluded from the denominator, long abandons count against it.
/// This is a common industry definition: several service-level formulas are in use that differ only in how abandoned
/// calls are treated (practitioner bodies such as ICMI and COPC discuss the choices), and we could not verify a clause
/// that prescribes exactly this one, so the docs call it "a common industry definition" and cite no standard. 20 s is the "20" of the 80/20
/// convention (Cleveland, <i>Call Center Management on Fast Forward</i>, 3rd ed., 2012, ch. 3); a 5 s short-abandon
/// threshold is a widespread convention for filtering misdials and immediate hang-ups, not a standard.
/// </para>
/// <para>
/// <b>Windows.</b> 7 days for repeat contacts is a common practitioner choice for FCR measured from repeat contacts
/// (windows from a day to a month are in use; 7 days is a frequent choice). The containment window (24 h) and the
/// asynchronous response targets (first response within 24 h, resolution within 72 h, typical email service
/// standards) are our defaults, not standards: set your own contract's values, per channel if they differ.
/// </para>
/// </remarks>
public sealed record ServiceOptions
{
    /// <summary>The defaults described in the remarks.</summary>
    public static ServiceOptions Default { get; } = new();

    /// <summary>A contact answered within this wait counts towards the service level (wait ≤ threshold).</summary>
    /// <value>The default is 20 s. Must be ≥ 0.</value>
    public TimeSpan ServiceLevelThreshold { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Abandons after a wait shorter than this are "short abandons", left out of service level and abandonment rate.</summary>
    /// <value>The default is 5 s. Must be ≥ 0; 0 counts every abandon.</value>
    public TimeSpan ShortAbandonThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A handled contact followed by another assisted contact from the same customer with the same reason within this window was not resolved first time (repeat-contact FCR).</summary>
    /// <value>The default is 7 days. Must be &gt; 0.</value>
    public TimeSpan RepeatContactWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A resolved self-service contact is contained when the same customer has no assisted contact within this window after it.</summary>
    /// <value>The default is 24 hours. Must be &gt; 0.</value>
    public TimeSpan ContainmentWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The target for first response time on asynchronous channels (share within target).</summary>
    /// <value>The default is 24 hours. Must be &gt; 0.</value>
    public TimeSpan FirstResponseTarget { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The target for resolution time on asynchronous channels (share within target).</summary>
    /// <value>The default is 72 hours. Must be &gt; 0.</value>
    public TimeSpan ResolutionTarget { get; init; } = TimeSpan.FromHours(72);

    /// <summary>The contact drivers that together cover at least this share of contacts form the Pareto set (<see cref="ContactDrivers"/>).</summary>
    /// <value>The default is 0.8 (the "80" of the 80/20 Pareto principle). Must lie in (0, 1].</value>
    public double ParetoShare { get; init; } = 0.8;

    /// <summary>Whether <see cref="ServiceAccumulator"/> feeds its quantile sketches, for the medians and p90s.</summary>
    /// <value>
    /// The default is <see langword="true"/>. The sketch inserts (a logarithm and a hash-map update per duration)
    /// are about 85–90 % of the single pass's cost; with <see langword="false"/> the medians and p90s are
    /// <see langword="null"/> (not computed) and every mean, rate and within-target share is unchanged, at several
    /// times the throughput (docs/benchmarks.md).
    /// </value>
    public bool Percentiles { get; init; } = true;

    /// <summary>The relative accuracy α of the <see cref="Statistics.QuantileSketch"/> behind every median and p90.</summary>
    /// <value>The default is 0.01 (1 %). Must lie in [1e-6, 0.5].</value>
    public double QuantileRelativeAccuracy { get; init; } = 0.01;

    /// <summary>The confidence level of the Wilson intervals of rates.</summary>
    /// <value>The default is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every rule and reports all broken ones at once.</summary>
    /// <returns>These options, when valid.</returns>
    /// <exception cref="ArgumentException">A rule is broken; the message lists every one.</exception>
    public ServiceOptions Validate()
    {
        new OptionsValidation(nameof(ServiceOptions))
            .Require(ServiceLevelThreshold >= TimeSpan.Zero, $"ServiceLevelThreshold is {ServiceLevelThreshold}; it must be >= 0.")
            .Require(ShortAbandonThreshold >= TimeSpan.Zero, $"ShortAbandonThreshold is {ShortAbandonThreshold}; it must be >= 0.")
            .Require(RepeatContactWindow > TimeSpan.Zero, $"RepeatContactWindow is {RepeatContactWindow}; it must be > 0, for example 7 days.")
            .Require(ContainmentWindow > TimeSpan.Zero, $"ContainmentWindow is {ContainmentWindow}; it must be > 0, for example 24 hours.")
            .Require(FirstResponseTarget > TimeSpan.Zero, $"FirstResponseTarget is {FirstResponseTarget}; it must be > 0.")
            .Require(ResolutionTarget > TimeSpan.Zero, $"ResolutionTarget is {ResolutionTarget}; it must be > 0.")
            .Require(QuantileRelativeAccuracy is >= 1e-6 and <= 0.5, $"QuantileRelativeAccuracy is {QuantileRelativeAccuracy}; it must lie in [1e-6, 0.5], for example 0.01.")
            .Require(ParetoShare is > 0 and <= 1, $"ParetoShare is {ParetoShare}; it must lie in (0, 1], for example 0.8.")
            .RequireConfidenceLevel(ConfidenceLevel)
            .ThrowIfInvalid();
        return this;
    }
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// The fewest agents that meet a staffing target, their predicted Erlang C performance and the scheduled staff
/// once shrinkage is added.
/// </summary>
/// <remarks>
/// <c>ScheduledAgents = ⌈N / (1 − shrinkage)⌉</c>: agents on the phones grossed up for the share of paid time that is
/// not available for calls (Cleveland, <i>Call Center Management on Fast Forward</i>, 3rd ed., 2012, ch. 6).
/// </remarks>
public readonly struct StaffingRequirement : IEquatable<StaffingRequirement>
{
    /// <summary>Creates a requirement (also the JSON constructor).</summary>
    /// <param name="metrics">The predicted performance with the required number of agents.</param>
    /// <param name="shrinkage">The share of paid time not available for calls, in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The shrinkage is outside [0, 1).</exception>
    [JsonConstructor]
    public StaffingRequirement(ErlangCResult metrics, double shrinkage)
    {
        if (!(shrinkage is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(shrinkage), shrinkage, "Shrinkage must lie in [0, 1).");
        }

        Metrics = metrics;
        Shrinkage = shrinkage;
    }

    /// <summary>The predicted performance with <see cref="Agents"/> agents on the phones.</summary>
    public ErlangCResult Metrics { get; }

    /// <summary>The share of paid time not available for calls.</summary>
    public double Shrinkage { get; }

    /// <summary>The fewest agents on the phones that meet the target.</summary>
    [JsonIgnore]
    public int Agents => Metrics.Agents;

    /// <summary>The staff to schedule, ⌈N / (1 − shrinkage)⌉ (N itself without shrinkage).</summary>
    public int ScheduledAgents => StaffingOptions.Schedule(Metrics.Agents, Shrinkage);

    /// <inheritdoc />
    public bool Equals(StaffingRequirement other) => Metrics == other.Metrics && Shrinkage.Equals(other.Shrinkage);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StaffingRequirement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Metrics, Shrinkage);

    /// <summary>Formats as <c>14 agents (scheduled 14): …</c> followed by the metrics.</summary>
    /// <returns>The formatted requirement.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Agents} agents (scheduled {ScheduledAgents}): {Metrics}");

    /// <summary>Compares two requirements for equality.</summary>
    /// <param name="left">The first requirement.</param>
    /// <param name="right">The second requirement.</param>
    /// <returns>Whether the metrics and shrinkage are equal.</returns>
    public static bool operator ==(StaffingRequirement left, StaffingRequirement right) => left.Equals(right);

    /// <summary>Compares two requirements for inequality.</summary>
    /// <param name="left">The first requirement.</param>
    /// <param name="right">The second requirement.</param>
    /// <returns>Whether the metrics or shrinkage differ.</returns>
    public static bool operator !=(StaffingRequirement left, StaffingRequirement right) => !left.Equals(right);
}

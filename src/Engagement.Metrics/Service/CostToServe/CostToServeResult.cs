using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// Cost to serve: total cost, cost per contact and per resolution overall and by channel, total cost by contact driver
/// (reason), and the what-if shifts with their assumptions.
/// </summary>
/// <remarks>
/// A contact costs <c>PerContact + PerHandledMinute × handle minutes</c> of its channel's <see cref="ChannelUnitCost"/>;
/// every total is a sum of those, so all costs are linear in the unit costs. See <see cref="CostBreakdown"/> for the
/// per-contact and per-resolution figures and <see cref="VolumeShift"/> for the what-if formula.
/// </remarks>
public readonly struct CostToServeResult : IEquatable<CostToServeResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="overall">Every contact (key <c>all</c>).</param>
    /// <param name="channels">One breakdown per channel with contacts, highest total cost first.</param>
    /// <param name="drivers">One breakdown per contact reason, highest total cost first.</param>
    /// <param name="shifts">The outcome of each what-if shift, in the order of the options.</param>
    /// <param name="unitCosts">The unit costs used (an assumption shown with the result).</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    [JsonConstructor]
    public CostToServeResult(CostBreakdown overall, IReadOnlyList<CostBreakdown> channels, IReadOnlyList<CostBreakdown> drivers, IReadOnlyList<ShiftSavings> shifts, IReadOnlyDictionary<string, ChannelUnitCost> unitCosts)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(unitCosts);
        Overall = overall;
        Channels = channels;
        Drivers = drivers;
        Shifts = shifts;
        UnitCosts = unitCosts;
    }

    /// <summary>Every contact: total cost, cost per contact and per resolution.</summary>
    public CostBreakdown Overall { get; }

    /// <summary>Cost by channel, highest total first (ties by name, ordinal).</summary>
    public IReadOnlyList<CostBreakdown> Channels { get; }

    /// <summary>Cost by contact driver (reason), highest total first (ties by name, ordinal).</summary>
    public IReadOnlyList<CostBreakdown> Drivers { get; }

    /// <summary>The what-if shifts, each with the assumptions it used.</summary>
    public IReadOnlyList<ShiftSavings> Shifts { get; }

    /// <summary>The unit costs the totals were computed with.</summary>
    public IReadOnlyDictionary<string, ChannelUnitCost> UnitCosts { get; }

    /// <inheritdoc />
    public bool Equals(CostToServeResult other)
    {
        if (Overall != other.Overall || !Channels.SequenceEqual(other.Channels) || !Drivers.SequenceEqual(other.Drivers)
            || !Shifts.SequenceEqual(other.Shifts) || UnitCosts.Count != other.UnitCosts.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, ChannelUnitCost> entry in UnitCosts)
        {
            if (!other.UnitCosts.TryGetValue(entry.Key, out ChannelUnitCost cost) || cost != entry.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CostToServeResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Overall, Channels.Count, Drivers.Count, Shifts.Count);

    /// <summary>Formats the overall cost on one line.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Overall}; {Channels.Count} channels, {Drivers.Count} drivers, {Shifts.Count} shifts");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every part is equal.</returns>
    public static bool operator ==(CostToServeResult left, CostToServeResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any part differs.</returns>
    public static bool operator !=(CostToServeResult left, CostToServeResult right) => !left.Equals(right);
}

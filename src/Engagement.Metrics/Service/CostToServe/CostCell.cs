using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// The persisted state of <see cref="CostToServeAccumulator"/> for one (channel, reason) pair: counts and the exact
/// handle-time sum in ticks, so merges are exact.
/// </summary>
public readonly struct CostCell : IEquatable<CostCell>
{
    /// <summary>Creates a cell (also the JSON constructor).</summary>
    /// <param name="channel">The channel (in the unit costs' spelling).</param>
    /// <param name="reason">The contact reason.</param>
    /// <param name="contacts">Contacts, ≥ 1.</param>
    /// <param name="resolved">Resolved contacts, 0..contacts.</param>
    /// <param name="handleTicks">Total handle time in ticks (100 ns), ≥ 0.</param>
    /// <exception cref="ArgumentException">A name is null or a count is out of range.</exception>
    [JsonConstructor]
    public CostCell(string channel, string reason, long contacts, long resolved, long handleTicks)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(contacts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(resolved);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resolved, contacts);
        ArgumentOutOfRangeException.ThrowIfNegative(handleTicks);
        Channel = channel;
        Reason = reason;
        Contacts = contacts;
        Resolved = resolved;
        HandleTicks = handleTicks;
    }

    /// <summary>The channel.</summary>
    public string Channel { get; }

    /// <summary>The contact reason.</summary>
    public string Reason { get; }

    /// <summary>Contacts.</summary>
    public long Contacts { get; }

    /// <summary>Contacts flagged resolved.</summary>
    public long Resolved { get; }

    /// <summary>Total handle time in ticks.</summary>
    public long HandleTicks { get; }

    /// <inheritdoc />
    public bool Equals(CostCell other) =>
        string.Equals(Channel, other.Channel, StringComparison.Ordinal) && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && Contacts == other.Contacts && Resolved == other.Resolved && HandleTicks == other.HandleTicks;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CostCell other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Channel, Reason, Contacts, Resolved, HandleTicks);

    /// <summary>Formats as <c>voice/billing: 12 contacts, 9 resolved</c>.</summary>
    /// <returns>The formatted cell.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Channel}/{Reason}: {Contacts} contacts, {Resolved} resolved");

    /// <summary>Compares two cells for equality.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(CostCell left, CostCell right) => left.Equals(right);

    /// <summary>Compares two cells for inequality.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(CostCell left, CostCell right) => !left.Equals(right);
}

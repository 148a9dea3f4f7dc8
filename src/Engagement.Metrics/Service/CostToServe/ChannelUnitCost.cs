using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// What one contact on a channel costs, as supplied by the user (fully loaded: labour, licences, telephony, overhead):
/// a fixed amount per contact plus, optionally, an amount per handled minute. There are no defaults: unit costs are the
/// organisation's own figures.
/// </summary>
/// <remarks>
/// A contact costs <c>PerContact + PerHandledMinute × handle time in minutes</c>, where handle time is
/// <see cref="ContactRecord.HandleTime"/> (talk + hold + conference + wrap). Amounts are in the user's currency; the
/// library never converts or rounds them.
/// </remarks>
public readonly struct ChannelUnitCost : IEquatable<ChannelUnitCost>
{
    /// <summary>Creates a unit cost (also the JSON constructor).</summary>
    /// <param name="perContact">The cost of one contact, ≥ 0 and finite.</param>
    /// <param name="perHandledMinute">The cost of one handled minute, ≥ 0 and finite (0 when costs are per contact only).</param>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative, NaN or infinite.</exception>
    [JsonConstructor]
    public ChannelUnitCost(double perContact, double perHandledMinute = 0)
    {
        if (!(double.IsFinite(perContact) && perContact >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(perContact), perContact, string.Create(CultureInfo.InvariantCulture, $"perContact is {perContact}; a unit cost must be a finite amount ≥ 0."));
        }

        if (!(double.IsFinite(perHandledMinute) && perHandledMinute >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(perHandledMinute), perHandledMinute, string.Create(CultureInfo.InvariantCulture, $"perHandledMinute is {perHandledMinute}; a unit cost must be a finite amount ≥ 0."));
        }

        PerContact = perContact;
        PerHandledMinute = perHandledMinute;
    }

    /// <summary>The cost of one contact.</summary>
    public double PerContact { get; }

    /// <summary>The cost of one handled minute (0 when costs are per contact only).</summary>
    public double PerHandledMinute { get; }

    /// <inheritdoc />
    public bool Equals(ChannelUnitCost other) => PerContact.Equals(other.PerContact) && PerHandledMinute.Equals(other.PerHandledMinute);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChannelUnitCost other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PerContact, PerHandledMinute);

    /// <summary>Formats as <c>16.5/contact + 0.8/min</c>.</summary>
    /// <returns>The formatted unit cost.</returns>
    public override string ToString() => PerHandledMinute > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{PerContact:G}/contact + {PerHandledMinute:G}/min")
        : string.Create(CultureInfo.InvariantCulture, $"{PerContact:G}/contact");

    /// <summary>Compares two unit costs for equality.</summary>
    /// <param name="left">The first unit cost.</param>
    /// <param name="right">The second unit cost.</param>
    /// <returns>Whether both amounts are equal.</returns>
    public static bool operator ==(ChannelUnitCost left, ChannelUnitCost right) => left.Equals(right);

    /// <summary>Compares two unit costs for inequality.</summary>
    /// <param name="left">The first unit cost.</param>
    /// <param name="right">The second unit cost.</param>
    /// <returns>Whether an amount differs.</returns>
    public static bool operator !=(ChannelUnitCost left, ChannelUnitCost right) => !left.Equals(right);
}

using System.Globalization;

namespace Engagement.Metrics.Service;

/// <summary>
/// A what-if for <see cref="CostToServe"/>: move a share of one channel's contacts to another channel or into
/// self-service, and see what it saves. Every assumption is a field, and the result repeats the values it used.
/// </summary>
/// <remarks>
/// <para>
/// Moved volume <c>m = Share × contacts(From)</c>. Savings <c>= m × (c_from − c_to − (1 − r_to) × c_repeat)</c>, where
/// <c>c_from</c> is the observed cost per contact on <see cref="From"/>, <c>c_to</c> the observed cost per contact on
/// <see cref="To"/> (its unit cost per contact when the data has no contact on it), <c>r_to</c> the resolution rate of
/// <see cref="To"/> (<see cref="TargetResolutionRate"/>, or observed on <see cref="To"/> in the data), and
/// <c>c_repeat</c> the cost of the follow-up contact an unresolved attempt causes (<see cref="RepeatCost"/>, or
/// <c>c_from</c>: the customer comes back to the channel they were moved from).
/// </para>
/// <para>
/// The source material puts the volume self-service can absorb at 20–40 % of live contacts; that range is a sensible
/// set of shares to try, not a default.
/// </para>
/// </remarks>
public readonly struct VolumeShift : IEquatable<VolumeShift>
{
    /// <summary>Creates an empty shift; set the properties with an object initializer.</summary>
    public VolumeShift()
    {
        From = string.Empty;
        To = string.Empty;
    }

    /// <summary>The channel volume moves from; must have a unit cost in <see cref="CostToServeOptions.UnitCosts"/>.</summary>
    public string From { get; init; }

    /// <summary>The channel volume moves to (another channel, or a self-service channel such as <c>ivr</c>); must have a unit cost.</summary>
    public string To { get; init; }

    /// <summary>The share of <see cref="From"/>'s contacts that moves, in [0, 1].</summary>
    public double Share { get; init; }

    /// <summary>The share of moved contacts the target resolves, in [0, 1]; <see langword="null"/> to use the target's observed resolution rate.</summary>
    public double? TargetResolutionRate { get; init; }

    /// <summary>The cost of the follow-up contact an unresolved moved contact causes, ≥ 0; <see langword="null"/> for the source channel's cost per contact.</summary>
    public double? RepeatCost { get; init; }

    /// <inheritdoc />
    public bool Equals(VolumeShift other) =>
        string.Equals(From, other.From, StringComparison.OrdinalIgnoreCase) && string.Equals(To, other.To, StringComparison.OrdinalIgnoreCase)
        && Share.Equals(other.Share) && Nullable.Equals(TargetResolutionRate, other.TargetResolutionRate) && Nullable.Equals(RepeatCost, other.RepeatCost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VolumeShift other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(From ?? string.Empty), StringComparer.OrdinalIgnoreCase.GetHashCode(To ?? string.Empty), Share, TargetResolutionRate, RepeatCost);

    /// <summary>Formats as <c>voice → ivr 30%</c>.</summary>
    /// <returns>The formatted shift.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From} → {To} {Share:P0}");

    /// <summary>Compares two shifts for equality.</summary>
    /// <param name="left">The first shift.</param>
    /// <param name="right">The second shift.</param>
    /// <returns>Whether every field is equal (channel names ignoring case).</returns>
    public static bool operator ==(VolumeShift left, VolumeShift right) => left.Equals(right);

    /// <summary>Compares two shifts for inequality.</summary>
    /// <param name="left">The first shift.</param>
    /// <param name="right">The second shift.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(VolumeShift left, VolumeShift right) => !left.Equals(right);
}

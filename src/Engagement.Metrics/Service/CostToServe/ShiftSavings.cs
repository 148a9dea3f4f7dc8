using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Service;

/// <summary>
/// The outcome of one <see cref="VolumeShift"/> what-if, with every assumption it used (see <see cref="VolumeShift"/>
/// for the formula).
/// </summary>
public readonly struct ShiftSavings : IEquatable<ShiftSavings>
{
    /// <summary>Creates the outcome (also the JSON constructor).</summary>
    /// <param name="shift">The shift as given (channel names in the unit costs' spelling).</param>
    /// <param name="sourceContacts">Contacts on the source channel.</param>
    /// <param name="sourceCostPerContact">c_from: the observed cost per contact on the source (its unit cost per contact when it has no contacts).</param>
    /// <param name="targetCostPerContact">c_to: the observed cost per contact on the target (its unit cost per contact when it has no contacts).</param>
    /// <param name="targetCostObserved">Whether c_to was observed in the data (false: the target's unit cost per contact).</param>
    /// <param name="targetResolutionRate">r_to: the resolution rate assumed for moved contacts, or null when neither given nor observable.</param>
    /// <param name="targetResolutionRateObserved">Whether r_to was observed on the target in the data (false: given in the shift, or missing).</param>
    /// <param name="repeatCost">c_repeat: the cost of the follow-up contact of an unresolved moved contact.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or amount is negative or not finite.</exception>
    [JsonConstructor]
    public ShiftSavings(VolumeShift shift, long sourceContacts, double sourceCostPerContact, double targetCostPerContact, bool targetCostObserved, double? targetResolutionRate, bool targetResolutionRateObserved, double repeatCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceContacts);
        foreach ((double value, string name) in new[] { (sourceCostPerContact, nameof(sourceCostPerContact)), (targetCostPerContact, nameof(targetCostPerContact)), (repeatCost, nameof(repeatCost)), (targetResolutionRate ?? 0, nameof(targetResolutionRate)) })
        {
            if (!(double.IsFinite(value) && value >= 0))
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be a finite amount ≥ 0.");
            }
        }

        Shift = shift;
        SourceContacts = sourceContacts;
        SourceCostPerContact = sourceCostPerContact;
        TargetCostPerContact = targetCostPerContact;
        TargetCostObserved = targetCostObserved;
        TargetResolutionRate = targetResolutionRate;
        TargetResolutionRateObserved = targetResolutionRateObserved;
        RepeatCost = repeatCost;
    }

    /// <summary>The shift as given.</summary>
    public VolumeShift Shift { get; }

    /// <summary>Contacts on the source channel.</summary>
    public long SourceContacts { get; }

    /// <summary>c_from: cost per contact on the source channel.</summary>
    public double SourceCostPerContact { get; }

    /// <summary>c_to: cost per contact on the target channel.</summary>
    public double TargetCostPerContact { get; }

    /// <summary>Whether <see cref="TargetCostPerContact"/> was observed in the data (false: the target's unit cost per contact, without minute costs).</summary>
    public bool TargetCostObserved { get; }

    /// <summary>r_to: the share of moved contacts the target resolves; null when neither given nor observable (then there is no savings figure).</summary>
    public double? TargetResolutionRate { get; }

    /// <summary>Whether <see cref="TargetResolutionRate"/> was observed on the target in the data.</summary>
    public bool TargetResolutionRateObserved { get; }

    /// <summary>c_repeat: the cost of the follow-up contact an unresolved moved contact causes.</summary>
    public double RepeatCost { get; }

    /// <summary>m = Share × SourceContacts: contacts moved (fractional).</summary>
    [JsonIgnore]
    public double MovedContacts => Shift.Share * SourceContacts;

    /// <summary>What the moved contacts cost today: <c>m × c_from</c>.</summary>
    [JsonIgnore]
    public double CostBefore => MovedContacts * SourceCostPerContact;

    /// <summary>What they would cost on the target, repeats included: <c>m × (c_to + (1 − r_to) × c_repeat)</c>; null without r_to.</summary>
    [JsonIgnore]
    public double? CostAfter => TargetResolutionRate is { } r ? MovedContacts * (TargetCostPerContact + ((1 - r) * RepeatCost)) : null;

    /// <summary>Savings <c>CostBefore − CostAfter</c> (negative: the shift costs more); null without r_to.</summary>
    [JsonIgnore]
    public double? Savings => CostAfter is { } after ? CostBefore - after : null;

    /// <inheritdoc />
    public bool Equals(ShiftSavings other) =>
        Shift == other.Shift && SourceContacts == other.SourceContacts && SourceCostPerContact.Equals(other.SourceCostPerContact)
        && TargetCostPerContact.Equals(other.TargetCostPerContact) && TargetCostObserved == other.TargetCostObserved
        && Nullable.Equals(TargetResolutionRate, other.TargetResolutionRate) && TargetResolutionRateObserved == other.TargetResolutionRateObserved
        && RepeatCost.Equals(other.RepeatCost);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ShiftSavings other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Shift, SourceContacts, SourceCostPerContact, TargetCostPerContact, TargetResolutionRate, RepeatCost);

    /// <summary>Formats as <c>voice → ivr 30%: 44.4 contacts moved, savings 512.30</c>.</summary>
    /// <returns>The formatted outcome.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Shift}: {MovedContacts:F1} contacts moved, savings {(Savings is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "unknown (no resolution rate)")}");

    /// <summary>Compares two outcomes for equality.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ShiftSavings left, ShiftSavings right) => left.Equals(right);

    /// <summary>Compares two outcomes for inequality.</summary>
    /// <param name="left">The first outcome.</param>
    /// <param name="right">The second outcome.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ShiftSavings left, ShiftSavings right) => !left.Equals(right);
}

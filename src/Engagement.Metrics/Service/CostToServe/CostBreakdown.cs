using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Service;

/// <summary>
/// The cost of one group of contacts — a channel or a contact driver (reason) — in <see cref="CostToServeResult"/>.
/// </summary>
/// <remarks>
/// <c>CostPerContact = TotalCost / Contacts</c>; <c>CostPerResolution = TotalCost / Resolved</c> (every contact's cost,
/// including the unresolved ones, charged to the contacts that resolved something — what a resolution really costs);
/// both are <see langword="null"/> when their denominator is 0. Resolved counts contacts flagged
/// <see cref="ContactRecord.Resolved"/>, self-service included.
/// </remarks>
public readonly struct CostBreakdown : IEquatable<CostBreakdown>
{
    /// <summary>Creates a breakdown (also the JSON constructor).</summary>
    /// <param name="key">The channel or reason.</param>
    /// <param name="contacts">Contacts in the group, ≥ 0.</param>
    /// <param name="resolved">Of those, contacts flagged resolved.</param>
    /// <param name="handleMinutes">Their total handle time in minutes, ≥ 0.</param>
    /// <param name="totalCost">Their total cost, ≥ 0.</param>
    /// <param name="confidenceLevel">The level of <see cref="ResolutionRate"/>'s interval.</param>
    /// <exception cref="ArgumentException">A count or amount is out of range, or the key is null.</exception>
    [JsonConstructor]
    public CostBreakdown(string key, long contacts, long resolved, double handleMinutes, double totalCost, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(contacts);
        ArgumentOutOfRangeException.ThrowIfNegative(resolved);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resolved, contacts);
        Key = key;
        Contacts = contacts;
        Resolved = resolved;
        HandleMinutes = Guard.NonNegative(Guard.Finite(handleMinutes));
        TotalCost = Guard.NonNegative(Guard.Finite(totalCost));
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The channel or contact driver.</summary>
    public string Key { get; }

    /// <summary>Contacts in the group.</summary>
    public long Contacts { get; }

    /// <summary>Contacts flagged resolved.</summary>
    public long Resolved { get; }

    /// <summary>Total handle time (talk + hold + conference + wrap) in minutes.</summary>
    public double HandleMinutes { get; }

    /// <summary>Total cost: Σ (per-contact cost + per-minute cost × handle minutes).</summary>
    public double TotalCost { get; }

    /// <summary>The level of <see cref="ResolutionRate"/>'s interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Cost per contact, <c>TotalCost / Contacts</c>; null without contacts.</summary>
    [JsonIgnore]
    public double? CostPerContact => Contacts > 0 ? TotalCost / Contacts : null;

    /// <summary>Cost per resolution, <c>TotalCost / Resolved</c>; null without resolutions.</summary>
    [JsonIgnore]
    public double? CostPerResolution => Resolved > 0 ? TotalCost / Resolved : null;

    /// <summary>Resolution rate <c>Resolved / Contacts</c> with a Wilson interval.</summary>
    [JsonIgnore]
    public RateResult ResolutionRate => new(Contacts, Resolved, ConfidenceLevel);

    /// <inheritdoc />
    public bool Equals(CostBreakdown other) =>
        string.Equals(Key, other.Key, StringComparison.Ordinal) && Contacts == other.Contacts && Resolved == other.Resolved
        && HandleMinutes.Equals(other.HandleMinutes) && TotalCost.Equals(other.TotalCost) && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CostBreakdown other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Contacts, Resolved, HandleMinutes, TotalCost, ConfidenceLevel);

    /// <summary>Formats as <c>voice: 148 contacts, cost 2442.00 (16.50/contact, 24.80/resolution)</c>.</summary>
    /// <returns>The formatted breakdown.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Key}: {Contacts} contacts, cost {TotalCost:F2} ({CostPerContact:F2}/contact, {CostPerResolution:F2}/resolution)");

    /// <summary>Compares two breakdowns for equality.</summary>
    /// <param name="left">The first breakdown.</param>
    /// <param name="right">The second breakdown.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(CostBreakdown left, CostBreakdown right) => left.Equals(right);

    /// <summary>Compares two breakdowns for inequality.</summary>
    /// <param name="left">The first breakdown.</param>
    /// <param name="right">The second breakdown.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(CostBreakdown left, CostBreakdown right) => !left.Equals(right);
}

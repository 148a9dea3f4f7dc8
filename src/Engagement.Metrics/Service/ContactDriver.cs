using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Service;

/// <summary>
/// One contact reason in a contact-driver analysis (<see cref="ContactDrivers.Analyze"/>): its volume and share,
/// whether it is in the Pareto set, its FCR and AHT, and its change in share since the previous period.
/// </summary>
public readonly struct ContactDriver : IEquatable<ContactDriver>
{
    /// <summary>Creates a driver row (also the JSON constructor).</summary>
    /// <param name="reason">The contact reason.</param>
    /// <param name="count">Contacts with this reason in the current period.</param>
    /// <param name="total">Contacts with any reason in the current period (≥ <paramref name="count"/>).</param>
    /// <param name="cumulativeShare">The share of this and every larger reason (the Pareto curve), 0..1.</param>
    /// <param name="inParetoSet">Whether the reason is in the smallest set of top reasons covering the Pareto share.</param>
    /// <param name="fcr">FCR from the resolved flag for this reason.</param>
    /// <param name="aht">AHT for this reason.</param>
    /// <param name="previousCount">Contacts with this reason in the previous period (0 when none or no previous period).</param>
    /// <param name="previousTotal">Contacts with any reason in the previous period (0 when there is no previous period).</param>
    /// <param name="shareChange">The change in share (current − previous) with its two-proportion z test.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or exceeds its total.</exception>
    [JsonConstructor]
    public ContactDriver(string reason, long count, long total, double cumulativeShare, bool inParetoSet, RateResult fcr, HandleTimeResult aht, long previousCount, long previousTotal, Comparison shareChange)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        ArgumentOutOfRangeException.ThrowIfNegative(previousCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(previousCount, previousTotal);
        Reason = reason;
        Count = count;
        Total = total;
        CumulativeShare = cumulativeShare;
        InParetoSet = inParetoSet;
        Fcr = fcr;
        Aht = aht;
        PreviousCount = previousCount;
        PreviousTotal = previousTotal;
        ShareChange = shareChange;
    }

    /// <summary>The contact reason.</summary>
    public string Reason { get; }

    /// <summary>Contacts with this reason.</summary>
    public long Count { get; }

    /// <summary>Contacts with any reason.</summary>
    public long Total { get; }

    /// <summary>This reason's share of contacts, <c>Count / Total</c>, 0..1; <see langword="null"/> when <see cref="Total"/> is 0.</summary>
    public double? Share => Total > 0 ? (double)Count / Total : null;

    /// <summary>The share of this reason and every reason ranked above it, 0..1.</summary>
    public double CumulativeShare { get; }

    /// <summary>Whether the reason belongs to the smallest set of top reasons whose shares add up to at least <see cref="ServiceOptions.ParetoShare"/>.</summary>
    public bool InParetoSet { get; }

    /// <summary>FCR from the resolved flag for this reason.</summary>
    public RateResult Fcr { get; }

    /// <summary>AHT for this reason.</summary>
    public HandleTimeResult Aht { get; }

    /// <summary>Contacts with this reason in the previous period.</summary>
    public long PreviousCount { get; }

    /// <summary>Contacts with any reason in the previous period; 0 without a previous period.</summary>
    public long PreviousTotal { get; }

    /// <summary>The previous period's share; <see langword="null"/> without a previous period.</summary>
    public double? PreviousShare => PreviousTotal > 0 ? (double)PreviousCount / PreviousTotal : null;

    /// <summary>Current share − previous share, with the unpooled two-proportion z test (<see cref="Comparison.Normal"/>).</summary>
    public Comparison ShareChange { get; }

    /// <summary>Whether the share rose significantly: the change's confidence interval lies entirely above 0 (two-sided test at the confidence level).</summary>
    public bool IsRising => ShareChange.ConfidenceInterval is { } interval && interval.Lower > 0;

    /// <inheritdoc />
    public bool Equals(ContactDriver other) =>
        string.Equals(Reason, other.Reason, StringComparison.Ordinal) && Count == other.Count && Total == other.Total
        && CumulativeShare.Equals(other.CumulativeShare) && InParetoSet == other.InParetoSet && Fcr == other.Fcr && Aht == other.Aht
        && PreviousCount == other.PreviousCount && PreviousTotal == other.PreviousTotal && ShareChange == other.ShareChange;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContactDriver other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reason, Count, Total, PreviousCount, PreviousTotal);

    /// <summary>Formats as <c>billing 120 (30.0 %), Pareto, rising</c>.</summary>
    /// <returns>The formatted row.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Reason} {Count} ({Share:P1}){(InParetoSet ? ", Pareto" : "")}{(IsRising ? ", rising" : "")}");

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ContactDriver left, ContactDriver right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ContactDriver left, ContactDriver right) => !left.Equals(right);
}

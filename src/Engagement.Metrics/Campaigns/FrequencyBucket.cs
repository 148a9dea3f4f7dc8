using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// One frequency bucket of <see cref="SendFrequencyResult"/>: the customers who received between <see cref="Lower"/>
/// (inclusive) and <see cref="Upper"/> (exclusive) messages per week, with their unsubscribe and reply rates.
/// </summary>
public readonly struct FrequencyBucket : IEquatable<FrequencyBucket>
{
    /// <summary>Creates a bucket from its counts (also the JSON constructor).</summary>
    /// <param name="lower">The lower edge in messages per week (inclusive), ≥ 0.</param>
    /// <param name="upper">The upper edge (exclusive), or null for the open last bucket.</param>
    /// <param name="customers">Customers in the bucket.</param>
    /// <param name="unsubscribedCustomers">Of those, customers who unsubscribed.</param>
    /// <param name="sends">Messages sent to them.</param>
    /// <param name="delivered">Messages delivered to them.</param>
    /// <param name="replied">Messages they replied to.</param>
    /// <param name="confidenceLevel">The level of the intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or edge is out of range, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public FrequencyBucket(double lower, double? upper, long customers, long unsubscribedCustomers, long sends, long delivered, long replied, double confidenceLevel)
    {
        Lower = Guard.NonNegative(Guard.Finite(lower));
        if (upper is { } u)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(u, lower);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentOutOfRangeException.ThrowIfNegative(unsubscribedCustomers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unsubscribedCustomers, customers);
        ArgumentOutOfRangeException.ThrowIfNegative(delivered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delivered, sends);
        ArgumentOutOfRangeException.ThrowIfNegative(replied);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replied, delivered);
        Upper = upper;
        Customers = customers;
        UnsubscribedCustomers = unsubscribedCustomers;
        Sends = sends;
        Delivered = delivered;
        Replied = replied;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The lower edge in messages per week (inclusive).</summary>
    public double Lower { get; }

    /// <summary>The upper edge in messages per week (exclusive); null for the last, open bucket.</summary>
    public double? Upper { get; }

    /// <summary>The bucket's label: <c>&lt;1</c>, <c>1–2</c>, …, <c>6+</c>.</summary>
    [JsonIgnore]
    public string Label => Upper is not { } u
        ? string.Create(CultureInfo.InvariantCulture, $"{Lower:G}+")
        : Lower == 0 ? string.Create(CultureInfo.InvariantCulture, $"<{u:G}") : string.Create(CultureInfo.InvariantCulture, $"{Lower:G}–{u:G}");

    /// <summary>Customers whose frequency falls in the bucket.</summary>
    public long Customers { get; }

    /// <summary>Customers in the bucket who unsubscribed.</summary>
    public long UnsubscribedCustomers { get; }

    /// <summary>Messages sent to the bucket's customers.</summary>
    public long Sends { get; }

    /// <summary>Messages delivered to the bucket's customers.</summary>
    public long Delivered { get; }

    /// <summary>Messages the bucket's customers replied to.</summary>
    public long Replied { get; }

    /// <summary>The level of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Unsubscribe rate per customer: <c>unsubscribed customers / customers</c>, with a Wilson interval.</summary>
    [JsonIgnore]
    public RateResult UnsubscribeRate => new(Customers, UnsubscribedCustomers, ConfidenceLevel);

    /// <summary>Reply (response) rate per message: <c>replied / delivered</c>, with a Wilson interval (optimistic: a customer's messages are not independent).</summary>
    [JsonIgnore]
    public RateResult ReplyRate => new(Delivered, Replied, ConfidenceLevel);

    /// <inheritdoc />
    public bool Equals(FrequencyBucket other) =>
        Lower.Equals(other.Lower) && Nullable.Equals(Upper, other.Upper) && Customers == other.Customers && UnsubscribedCustomers == other.UnsubscribedCustomers
        && Sends == other.Sends && Delivered == other.Delivered && Replied == other.Replied && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FrequencyBucket other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lower, Upper, Customers, UnsubscribedCustomers, Sends, Delivered, Replied, ConfidenceLevel);

    /// <summary>Formats as <c>2–3/week: 40 customers, unsubscribed 0.050 (…), replied 0.020 (…)</c>.</summary>
    /// <returns>The formatted bucket.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label}/week: {Customers} customers, unsubscribed {UnsubscribeRate}, replied {ReplyRate}");

    /// <summary>Compares two buckets for equality.</summary>
    /// <param name="left">The first bucket.</param>
    /// <param name="right">The second bucket.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(FrequencyBucket left, FrequencyBucket right) => left.Equals(right);

    /// <summary>Compares two buckets for inequality.</summary>
    /// <param name="left">The first bucket.</param>
    /// <param name="right">The second bucket.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(FrequencyBucket left, FrequencyBucket right) => !left.Equals(right);
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// What one customer received and did across all campaigns and channels: the per-customer state of
/// <see cref="SendFrequencyAccumulator"/>. Merging two partitions adds the counts and widens the time span.
/// </summary>
public readonly struct CustomerSendStats : IEquatable<CustomerSendStats>
{
    /// <summary>Creates the statistics (also the JSON constructor).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="sends">Messages sent, ≥ 1.</param>
    /// <param name="delivered">Messages delivered, 0..sends.</param>
    /// <param name="replied">Messages replied to, 0..delivered.</param>
    /// <param name="unsubscribedAt">When the first message that led to an unsubscribe was sent; null when the customer never unsubscribed.</param>
    /// <param name="firstSentAt">The first send.</param>
    /// <param name="lastSentAt">The last send, not before the first.</param>
    /// <exception cref="ArgumentException">The id is empty, a count is out of range, or the last send precedes the first.</exception>
    [JsonConstructor]
    public CustomerSendStats(string customerId, long sends, long delivered, long replied, DateTimeOffset? unsubscribedAt, DateTimeOffset firstSentAt, DateTimeOffset lastSentAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(sends, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(delivered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delivered, sends);
        ArgumentOutOfRangeException.ThrowIfNegative(replied);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replied, delivered);
        if (lastSentAt < firstSentAt)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Customer '{customerId}': lastSentAt {lastSentAt:O} is before firstSentAt {firstSentAt:O}."), nameof(lastSentAt));
        }

        CustomerId = customerId;
        Sends = sends;
        Delivered = delivered;
        Replied = replied;
        UnsubscribedAt = unsubscribedAt;
        FirstSentAt = firstSentAt;
        LastSentAt = lastSentAt;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>Messages sent to the customer.</summary>
    public long Sends { get; }

    /// <summary>Messages delivered to the customer.</summary>
    public long Delivered { get; }

    /// <summary>Messages the customer replied to.</summary>
    public long Replied { get; }

    /// <summary>When the first message that led to an unsubscribe was sent; null when the customer never unsubscribed.</summary>
    public DateTimeOffset? UnsubscribedAt { get; }

    /// <summary>Whether the customer unsubscribed (from any message).</summary>
    [JsonIgnore]
    public bool Unsubscribed => UnsubscribedAt.HasValue;

    /// <summary>The customer's first send.</summary>
    public DateTimeOffset FirstSentAt { get; }

    /// <summary>The customer's last send.</summary>
    public DateTimeOffset LastSentAt { get; }

    /// <inheritdoc />
    public bool Equals(CustomerSendStats other) =>
        string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Sends == other.Sends && Delivered == other.Delivered
        && Replied == other.Replied && UnsubscribedAt == other.UnsubscribedAt && FirstSentAt == other.FirstSentAt && LastSentAt == other.LastSentAt;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomerSendStats other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CustomerId, Sends, Delivered, Replied, UnsubscribedAt, FirstSentAt, LastSentAt);

    /// <summary>Formats as <c>C-1: 12 sent, 11 delivered, 2 replied, unsubscribed</c>.</summary>
    /// <returns>The formatted statistics.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CustomerId}: {Sends} sent, {Delivered} delivered, {Replied} replied{(Unsubscribed ? ", unsubscribed" : string.Empty)}");

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(CustomerSendStats left, CustomerSendStats right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(CustomerSendStats left, CustomerSendStats right) => !left.Equals(right);
}

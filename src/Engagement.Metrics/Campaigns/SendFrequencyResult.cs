using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// Frequency versus engagement: customers bucketed by messages received per week, each bucket's unsubscribe and reply
/// rates, and Cochran–Armitage trend tests that say whether more messages go with more unsubscribes (or fewer replies).
/// </summary>
/// <remarks>
/// <para>
/// <b>Frequency</b> = a customer's sends / exposure in weeks: <see cref="WindowWeeks"/>, or for a customer who
/// unsubscribed, the weeks from <see cref="WindowStart"/> to that send (at least one; see <see cref="FunnelOptions"/>).
/// Buckets follow <see cref="FunnelOptions.FrequencyEdges"/>.
/// </para>
/// <para>
/// <b>Trends.</b> <see cref="UnsubscribeTrend"/> tests unsubscribed customers / customers across the buckets,
/// <see cref="ReplyTrend"/> replied / delivered messages, both with the bucket index (0, 1, 2, …) as the score. A
/// positive <see cref="TrendTest.Slope"/> means the rate rises with frequency. The reply test treats messages as
/// independent, so its p-value is optimistic. This is association, not causation: the sender chooses who gets more
/// messages (often the most engaged customers), and customers who joined the list late look less frequent.
/// </para>
/// </remarks>
public readonly struct SendFrequencyResult : IEquatable<SendFrequencyResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="windowStart">The start of the analysis window, or null without data.</param>
    /// <param name="windowEnd">The end of the analysis window, or null without data.</param>
    /// <param name="windowWeeks">The window's length in weeks, or null without data.</param>
    /// <param name="customers">Customers with at least one send.</param>
    /// <param name="buckets">One bucket per frequency band, in increasing order.</param>
    /// <param name="unsubscribeTrend">The trend test of the unsubscribe rate across buckets.</param>
    /// <param name="replyTrend">The trend test of the reply rate across buckets.</param>
    /// <exception cref="ArgumentNullException"><paramref name="buckets"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customers"/> is negative.</exception>
    [JsonConstructor]
    public SendFrequencyResult(DateTimeOffset? windowStart, DateTimeOffset? windowEnd, double? windowWeeks, long customers, IReadOnlyList<FrequencyBucket> buckets, TrendTest unsubscribeTrend, TrendTest replyTrend)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        WindowWeeks = windowWeeks;
        Customers = customers;
        Buckets = buckets;
        UnsubscribeTrend = unsubscribeTrend;
        ReplyTrend = replyTrend;
    }

    /// <summary>The start of the analysis window; null without data.</summary>
    public DateTimeOffset? WindowStart { get; }

    /// <summary>The end of the analysis window; null without data.</summary>
    public DateTimeOffset? WindowEnd { get; }

    /// <summary>The frequency denominator: the window in weeks (at least 1 when taken from the data); null without data.</summary>
    public double? WindowWeeks { get; }

    /// <summary>Customers with at least one send.</summary>
    public long Customers { get; }

    /// <summary>The frequency buckets, lowest first.</summary>
    public IReadOnlyList<FrequencyBucket> Buckets { get; }

    /// <summary>Cochran–Armitage trend of the per-customer unsubscribe rate over the buckets.</summary>
    public TrendTest UnsubscribeTrend { get; }

    /// <summary>Cochran–Armitage trend of the per-message reply rate over the buckets.</summary>
    public TrendTest ReplyTrend { get; }

    /// <inheritdoc />
    public bool Equals(SendFrequencyResult other) =>
        WindowStart == other.WindowStart && WindowEnd == other.WindowEnd && Nullable.Equals(WindowWeeks, other.WindowWeeks) && Customers == other.Customers
        && Buckets.SequenceEqual(other.Buckets) && UnsubscribeTrend == other.UnsubscribeTrend && ReplyTrend == other.ReplyTrend;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SendFrequencyResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WindowStart, WindowEnd, Customers, Buckets.Count, UnsubscribeTrend, ReplyTrend);

    /// <summary>Formats the customer count and the two trends on one line.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Customers} customers over {WindowWeeks:F1} weeks; unsubscribe trend {UnsubscribeTrend}; reply trend {ReplyTrend}");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether every part is equal.</returns>
    public static bool operator ==(SendFrequencyResult left, SendFrequencyResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether any part differs.</returns>
    public static bool operator !=(SendFrequencyResult left, SendFrequencyResult right) => !left.Equals(right);
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Campaigns;

/// <summary>
/// A mergeable accumulator of frequency versus engagement (<see cref="SendFrequencyResult"/>): one
/// <see cref="CustomerSendStats"/> per customer (sends, delivered, replied, first unsubscribe, first and last send).
/// </summary>
/// <remarks>
/// <para>
/// <b>Memory</b> is proportional to the number of customers (about 100 bytes each plus the id string), not to sends,
/// and input may arrive in any order: per-customer counts add, spans widen, so merges are exact, associative and
/// commutative, and the result does not depend on how sends were partitioned.
/// </para>
/// <para>
/// <b>Bad input.</b> Sends are validated with <see cref="CampaignSend.Validate"/>; with a fixed window
/// (<see cref="FunnelOptions.WindowStart"/>, <see cref="FunnelOptions.WindowEnd"/>) a send outside it is rejected too.
/// A batch is validated whole first, so a rejected batch leaves the accumulator exactly as it was. Not thread-safe.
/// </para>
/// </remarks>
public sealed class SendFrequencyAccumulator : IMergeableAccumulator<SendFrequencyAccumulator>
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly Dictionary<string, Tally> _customers = new(StringComparer.Ordinal);
    private long _sends;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Buckets, window and confidence level; <see cref="FunnelOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SendFrequencyAccumulator(FunnelOptions? options = null)
    {
        Options = (options ?? FunnelOptions.Default).Validate();
    }

    /// <summary>Restores an accumulator from its state (the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="customers">One entry per customer.</param>
    /// <exception cref="ArgumentException">A customer appears twice.</exception>
    [JsonConstructor]
    public SendFrequencyAccumulator(FunnelOptions options, IReadOnlyList<CustomerSendStats> customers)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (CustomerSendStats c in customers)
        {
            if (!_customers.TryAdd(c.CustomerId, Tally.Of(c)))
            {
                throw new ArgumentException($"customers lists '{c.CustomerId}' twice; each customer appears once.", nameof(customers));
            }

            _sends += c.Sends;
        }
    }

    /// <summary>The options.</summary>
    public FunnelOptions Options { get; }

    /// <summary>The number of sends added.</summary>
    [JsonIgnore]
    public long Count => _sends;

    /// <summary>The per-customer state, ordered by customer id (ordinal), so the persisted state is deterministic.</summary>
    public IReadOnlyList<CustomerSendStats> Customers
    {
        get
        {
            var list = new List<CustomerSendStats>(_customers.Count);
            foreach (KeyValuePair<string, Tally> entry in _customers)
            {
                list.Add(entry.Value.ToStats(entry.Key));
            }

            list.Sort(static (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
            return list;
        }
    }

    /// <summary>Adds one send.</summary>
    /// <param name="send">The send.</param>
    /// <exception cref="ArgumentException">The send is invalid or outside the fixed window; nothing is added.</exception>
    public void Add(in CampaignSend send)
    {
        Check(send, -1);
        Apply(send);
    }

    /// <summary>Adds a batch of sends; the whole batch is validated first.</summary>
    /// <param name="sends">The sends.</param>
    /// <exception cref="ArgumentException">A send is invalid; the message names its index and id, and nothing from the batch is added.</exception>
    public void AddRange(ReadOnlySpan<CampaignSend> sends)
    {
        for (int i = 0; i < sends.Length; i++)
        {
            Check(sends[i], i);
        }

        for (int i = 0; i < sends.Length; i++)
        {
            Apply(sends[i]);
        }
    }

    private void Check(in CampaignSend send, int index)
    {
        if (!send.IsValid)
        {
            send.ValidateAt(index);
        }

        if (Options.WindowStart is { } start && Options.WindowEnd is { } end && (send.SentAt < start || send.SentAt >= end))
        {
            string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"sends[{index}] (send '{send.SendId}')") : $"Send '{send.SendId}'";
            Reject(string.Create(CultureInfo.InvariantCulture, $"{where}: SentAt {send.SentAt:O} is outside the window [{start:O}, {end:O}); widen the window or drop the send. Nothing was added."), nameof(CampaignSend.SentAt));
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Reject(string message, string field) => throw new ArgumentException(message, field);

    private void Apply(in CampaignSend send)
    {
        ref Tally tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, send.CustomerId, out bool exists);
        long at = send.SentAt.UtcTicks;
        var one = new Tally(1, send.Delivered ? 1 : 0, send.Replied ? 1 : 0, send.Unsubscribed ? at : NoTime, at, at);
        tally = exists ? tally.Combine(one) : one;
        _sends++;
    }

    /// <summary>Adds another accumulator's customers to this one (exact, associative and commutative).</summary>
    /// <param name="other">An accumulator with the same options.</param>
    /// <exception cref="ArgumentException">The options differ; nothing is merged.</exception>
    public void Merge(SendFrequencyAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Options != Options)
        {
            throw new ArgumentException("Cannot merge frequency accumulators with different options: edges and window must be equal. Nothing was merged.", nameof(other));
        }

        foreach (KeyValuePair<string, Tally> entry in other._customers)
        {
            ref Tally tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, entry.Key, out bool exists);
            tally = exists ? tally.Combine(entry.Value) : entry.Value;
        }

        _sends += other._sends;
    }

    /// <summary>Creates an empty accumulator with the same options.</summary>
    /// <returns>The new accumulator.</returns>
    public SendFrequencyAccumulator CreateEmpty() => new(Options);

    /// <summary>Buckets the customers by frequency and runs the trend tests.</summary>
    /// <returns>The result; without sends, empty buckets, a null window and undefined trends.</returns>
    public SendFrequencyResult ToResult()
    {
        IReadOnlyList<double> edges = Options.FrequencyEdges;
        int bucketCount = edges.Count + 1;
        Span<long> customers = stackalloc long[bucketCount];
        Span<long> unsubscribed = stackalloc long[bucketCount];
        Span<long> sends = stackalloc long[bucketCount];
        Span<long> delivered = stackalloc long[bucketCount];
        Span<long> replied = stackalloc long[bucketCount];
        customers.Clear();
        unsubscribed.Clear();
        sends.Clear();
        delivered.Clear();
        replied.Clear();

        DateTimeOffset? start = Options.WindowStart;
        DateTimeOffset? end = Options.WindowEnd;
        double? weeks = null;
        if (start is { } s && end is { } e)
        {
            weeks = (e - s) / Week;
        }
        else if (_customers.Count > 0)
        {
            long first = long.MaxValue;
            long last = long.MinValue;
            foreach (Tally c in _customers.Values)
            {
                first = Math.Min(first, c.First);
                last = Math.Max(last, c.Last);
            }

            (start, end) = (new DateTimeOffset(first, TimeSpan.Zero), new DateTimeOffset(last, TimeSpan.Zero));
            weeks = Math.Max(1.0, (double)(last - first) / Week.Ticks);
        }

        long startTicks = start?.UtcTicks ?? 0;
        foreach (Tally c in _customers.Values)
        {
            // Exposure: from the window start until the customer unsubscribed (or the window ends), at least a week.
            double exposure = c.Unsubscribed != NoTime ? Math.Clamp((double)(c.Unsubscribed - startTicks) / Week.Ticks, 1.0, Math.Max(1.0, weeks!.Value)) : weeks!.Value;
            int b = Bucket(c.Sends / Math.Max(1.0, exposure), edges);
            customers[b]++;
            unsubscribed[b] += c.Unsubscribed != NoTime ? 1 : 0;
            sends[b] += c.Sends;
            delivered[b] += c.Delivered;
            replied[b] += c.Replied;
        }

        var buckets = new FrequencyBucket[bucketCount];
        Span<double> scores = stackalloc double[bucketCount];
        for (int b = 0; b < bucketCount; b++)
        {
            scores[b] = b;
            buckets[b] = new FrequencyBucket(b == 0 ? 0 : edges[b - 1], b < edges.Count ? edges[b] : null, customers[b], unsubscribed[b], sends[b], delivered[b], replied[b], Options.ConfidenceLevel);
        }

        return new SendFrequencyResult(
            start,
            end,
            weeks,
            _customers.Count,
            buckets,
            TrendTest.CochranArmitage(unsubscribed, customers, scores),
            TrendTest.CochranArmitage(replied, delivered, scores));
    }

    // The first bucket whose upper edge exceeds the frequency; the open last bucket otherwise.
    private static int Bucket(double perWeek, IReadOnlyList<double> edges)
    {
        int b = 0;
        while (b < edges.Count && perWeek >= edges[b])
        {
            b++;
        }

        return b;
    }

    private const long NoTime = long.MaxValue;

    // The per-customer state as UTC ticks: built and combined without validation or allocation on the hot path;
    // CustomerSendStats is its public, validated form.
    private readonly record struct Tally(long Sends, long Delivered, long Replied, long Unsubscribed, long First, long Last)
    {
        public static Tally Of(in CustomerSendStats c) =>
            new(c.Sends, c.Delivered, c.Replied, c.UnsubscribedAt?.UtcTicks ?? NoTime, c.FirstSentAt.UtcTicks, c.LastSentAt.UtcTicks);

        public Tally Combine(in Tally o) =>
            new(Sends + o.Sends, Delivered + o.Delivered, Replied + o.Replied, Math.Min(Unsubscribed, o.Unsubscribed), Math.Min(First, o.First), Math.Max(Last, o.Last));

        public CustomerSendStats ToStats(string customerId) => new(
            customerId, Sends, Delivered, Replied,
            Unsubscribed == NoTime ? null : new DateTimeOffset(Unsubscribed, TimeSpan.Zero),
            new DateTimeOffset(First, TimeSpan.Zero),
            new DateTimeOffset(Last, TimeSpan.Zero));
    }
}

using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// What the <see cref="StreamingConversationAccumulator"/> keeps of one customer's closed conversations: their
/// totals, counts per channel (for channel preference), totals per trend period (for the customer's trend), and the
/// recently closed conversations whose repeat interaction is not yet known.
/// </summary>
public sealed class CustomerTotals
{
    private readonly Dictionary<string, SignalTotals> _channels;
    private readonly SortedDictionary<DateOnly, SignalTotals> _periods;
    private readonly List<ClosedConversation> _awaitingRepeat;

    /// <summary>Restores a customer's totals (also the JSON constructor).</summary>
    /// <param name="customerId">The customer id; not empty.</param>
    /// <param name="totals">Totals over all the customer's closed conversations.</param>
    /// <param name="channels">Counts per channel (by the conversation's channel).</param>
    /// <param name="periods">Totals per trend period, keyed by the period's first day.</param>
    /// <param name="awaitingRepeat">Closed conversations whose next conversation could still start within the repeat window.</param>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty, or an argument is null.</exception>
    [JsonConstructor]
    public CustomerTotals(
        string customerId,
        SignalTotals totals,
        IReadOnlyDictionary<string, SignalTotals> channels,
        IReadOnlyDictionary<DateOnly, SignalTotals> periods,
        IReadOnlyList<ClosedConversation> awaitingRepeat)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(awaitingRepeat);
        CustomerId = customerId;
        Totals = totals;
        _channels = new Dictionary<string, SignalTotals>(channels, StringComparer.Ordinal);
        _periods = new SortedDictionary<DateOnly, SignalTotals>(periods.ToDictionary());
        _awaitingRepeat = [.. awaitingRepeat];
    }

    internal CustomerTotals(string customerId)
        : this(customerId, new SignalTotals(), new Dictionary<string, SignalTotals>(), new Dictionary<DateOnly, SignalTotals>(), [])
    {
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>Totals over all the customer's closed conversations.</summary>
    public SignalTotals Totals { get; }

    /// <summary>Counts per channel.</summary>
    public IReadOnlyDictionary<string, SignalTotals> Channels => _channels;

    /// <summary>Totals per trend period, keyed by the period's first day, in ascending order.</summary>
    public IReadOnlyDictionary<DateOnly, SignalTotals> Periods => _periods;

    /// <summary>Closed conversations whose repeat interaction is not yet known.</summary>
    public IReadOnlyList<ClosedConversation> AwaitingRepeat => _awaitingRepeat;

    internal Dictionary<string, SignalTotals> ChannelTotals => _channels;

    internal SortedDictionary<DateOnly, SignalTotals> PeriodTotals => _periods;

    internal List<ClosedConversation> Awaiting => _awaitingRepeat;

    internal CustomerTotals Clone()
    {
        var copy = new CustomerTotals(CustomerId);
        copy.Merge(this);
        return copy;
    }

    internal void Merge(CustomerTotals other)
    {
        Totals.Merge(other.Totals);
        MergeInto(_channels, other._channels);
        MergeInto(_periods, other._periods);
        _awaitingRepeat.AddRange(other._awaitingRepeat);
    }

    internal static void MergeInto<TKey>(IDictionary<TKey, SignalTotals> mine, IEnumerable<KeyValuePair<TKey, SignalTotals>> other)
    {
        foreach ((TKey key, SignalTotals totals) in other)
        {
            if (mine.TryGetValue(key, out SignalTotals? existing))
            {
                existing.Merge(totals);
            }
            else
            {
                mine.Add(key, totals.Clone());
            }
        }
    }
}

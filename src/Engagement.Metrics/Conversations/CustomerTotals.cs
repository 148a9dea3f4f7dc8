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
    private readonly SortedList<DateOnly, SignalTotals> _periods; // a handful of periods: two small arrays
    private readonly List<ClosedConversation> _awaitingRepeat;
    private readonly PeriodSet _active = new();
    private readonly PeriodSet _repeated = new();

    /// <summary>Restores a customer's totals (also the JSON constructor).</summary>
    /// <param name="customerId">The customer id; not empty.</param>
    /// <param name="totals">Totals over all the customer's closed conversations.</param>
    /// <param name="channels">Counts per channel (by the conversation's channel).</param>
    /// <param name="periods">Totals per trend period, keyed by the period's first day.</param>
    /// <param name="awaitingRepeat">Closed conversations whose next conversation could still start within the repeat window.</param>
    /// <param name="activePeriods">The first days of every trend period in which a closed conversation of the customer started.</param>
    /// <param name="repeatPeriods">The first days of the periods in which such a conversation was followed by a repeat.</param>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is empty, or an argument is null.</exception>
    [JsonConstructor]
    public CustomerTotals(
        string customerId,
        SignalTotals totals,
        IReadOnlyDictionary<string, SignalTotals> channels,
        IReadOnlyDictionary<DateOnly, SignalTotals> periods,
        IReadOnlyList<ClosedConversation> awaitingRepeat,
        IReadOnlyList<DateOnly> activePeriods,
        IReadOnlyList<DateOnly> repeatPeriods)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(awaitingRepeat);
        CustomerId = customerId;
        Totals = totals;
        _channels = new Dictionary<string, SignalTotals>(channels, StringComparer.Ordinal);
        _periods = new SortedList<DateOnly, SignalTotals>(periods.ToDictionary());
        _awaitingRepeat = [.. awaitingRepeat];
        ArgumentNullException.ThrowIfNull(activePeriods);
        ArgumentNullException.ThrowIfNull(repeatPeriods);
        foreach (DateOnly day in activePeriods)
        {
            _active.Add(day.DayNumber);
        }

        foreach (DateOnly day in repeatPeriods)
        {
            _repeated.Add(day.DayNumber);
        }
    }

    internal CustomerTotals(string customerId)
        : this(customerId, new SignalTotals(), new Dictionary<string, SignalTotals>(), new Dictionary<DateOnly, SignalTotals>(), [], [], [])
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

    /// <summary>The first days of every trend period in which a closed conversation of the customer started (for distinct-customer counts).</summary>
    public IReadOnlyList<DateOnly> ActivePeriods => [.. _active.Numbers().Select(DateOnly.FromDayNumber)];

    /// <summary>The first days of the periods in which such a conversation was followed by a repeat.</summary>
    public IReadOnlyList<DateOnly> RepeatPeriods => [.. _repeated.Numbers().Select(DateOnly.FromDayNumber)];

    // Keyed by the period's first day number (one bit per day number: periods are sparse bits, still a few bytes a period).
    internal PeriodSet Active => _active;

    internal PeriodSet Repeated => _repeated;

    internal Dictionary<string, SignalTotals> ChannelTotals => _channels;

    internal SortedList<DateOnly, SignalTotals> PeriodTotals => _periods;

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
        _active.UnionWith(other._active);
        _repeated.UnionWith(other._repeated);
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

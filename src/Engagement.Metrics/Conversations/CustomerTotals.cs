using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// What the <see cref="StreamingConversationAccumulator"/> keeps of one customer's closed conversations: their
/// totals, counts per channel (for channel preference), totals per trend period (for the customer's trend), and the
/// recently closed conversations whose repeat interaction is not yet known.
/// </summary>
public sealed class CustomerTotals
{
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
        ArgumentNullException.ThrowIfNull(activePeriods);
        ArgumentNullException.ThrowIfNull(repeatPeriods);
        CustomerId = customerId;
        Totals = totals;
        Channels = new SortedDictionary<string, SignalTotals>(channels.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        Periods = new SortedDictionary<DateOnly, SignalTotals>(periods.ToDictionary());
        AwaitingRepeat = [.. awaitingRepeat];
        ActivePeriods = [.. activePeriods.Distinct().Order()];
        RepeatPeriods = [.. repeatPeriods.Distinct().Order()];
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>Totals over all the customer's closed conversations.</summary>
    public SignalTotals Totals { get; }

    /// <summary>Counts per channel, in ordinal channel order.</summary>
    public IReadOnlyDictionary<string, SignalTotals> Channels { get; }

    /// <summary>Totals per trend period, keyed by the period's first day, in ascending order.</summary>
    public IReadOnlyDictionary<DateOnly, SignalTotals> Periods { get; }

    /// <summary>Closed conversations whose repeat interaction is not yet known.</summary>
    public IReadOnlyList<ClosedConversation> AwaitingRepeat { get; }

    /// <summary>The first days of every trend period in which a closed conversation of the customer started (for distinct-customer counts), ascending.</summary>
    public IReadOnlyList<DateOnly> ActivePeriods { get; }

    /// <summary>The first days of the periods in which such a conversation was followed by a repeat, ascending.</summary>
    public IReadOnlyList<DateOnly> RepeatPeriods { get; }
}

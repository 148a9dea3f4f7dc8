using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The conversation engagement signals over an unbounded stream, in memory that grows with the open conversations
/// and the customers, not with the messages: a conversation's messages are kept only while it is open; when it
/// closes, its signals are folded into totals with sketched quantiles (definitions in
/// docs/metrics/engagement-signals.md, "Streaming with bounded memory").
/// </summary>
/// <remarks>
/// <para>
/// <b>Conversations are sessions.</b> A conversation is a run of messages with one conversation id in which
/// consecutive messages are at most <see cref="StreamingConversationOptions.CloseAfter"/> (C) apart; a longer silence
/// ends it and the next message with that id starts a new conversation. On such sessions every count, rate, mean and
/// score input equals the <see cref="ConversationAccumulator"/>'s; medians and p90s are within the sketch's relative
/// accuracy of the order statistic of rank ⌊p(n − 1)⌋ (the exact accumulator interpolates).
/// </para>
/// <para>
/// <b>Lateness.</b> Messages may arrive in any order within a batch, and up to C behind the newest message of
/// earlier batches; an older message is rejected with the batch, because the conversation it belongs to may already
/// be closed. Within that bound any arrival order and any batching give identical results.
/// </para>
/// <para>
/// <b>Closing.</b> A conversation whose last message is more than 2C before the newest message is closed (no
/// accepted message can join it any more): its signals are measured, abandonment is judged (final, since C is at
/// least the response window), and its messages are dropped. Its repeat interaction waits (40 bytes; a
/// <see cref="ClosedConversation"/> in the JSON state) until no later conversation can start within the repeat
/// window. Closing runs after a batch once the newest message has advanced C/2 since the last run, so a batch of one
/// message costs O(1); results do not depend on when it runs.
/// </para>
/// <para>
/// <b>Memory.</b> 24 B per message of an open conversation (plus ≈ 8 B for its channel reference), ≈ 150 B per open
/// conversation (closed ones are kept for reuse, at most a quarter as many as are open), 40 B per conversation closed
/// within the last repeat window + 3C; per customer their totals (sketch bins grow with the range of their times, not
/// their number), counts per channel they used and a score total per period they were active in among the last
/// <see cref="StreamingConversationOptions.CustomerTrendPeriods"/>, plus about 24 B per period they were ever active
/// in (for distinct-customer counts); and one total per channel and per trend period overall. Nothing grows with the
/// number of messages.
/// </para>
/// <para>
/// <b>Merging.</b> Exact when partitions are keyed by customer (which keeps each conversation in one partition too).
/// Split only by conversation, a customer's repeat across partitions is missed once either partition has settled it.
/// </para>
/// </remarks>
public sealed class StreamingConversationAccumulator : IMergeableAccumulator<StreamingConversationAccumulator>
{
    private readonly ConversationAccumulator _open;
    private readonly ISentimentScorer? _scorer;
    private readonly StreamingTotals _totals;
    private readonly List<long> _times = [];
    private long _newest = long.MinValue;
    private long _nextSweep = long.MinValue;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The settings; <see cref="StreamingConversationOptions.Default"/> when null.</param>
    /// <param name="scorer">Scores customer messages that have text but no sentiment; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public StreamingConversationAccumulator(StreamingConversationOptions? options = null, ISentimentScorer? scorer = null)
    {
        Options = (options ?? StreamingConversationOptions.Default).Validate();
        _scorer = scorer;
        _open = new ConversationAccumulator(Options.Conversation, scorer, keepMessageChannels: true);
        _totals = new StreamingTotals(Options);
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The settings.</param>
    /// <param name="newest">The newest message seen, or <see langword="null"/> when none.</param>
    /// <param name="open">The open conversations, each with <see cref="ConversationState.MessageChannels"/>.</param>
    /// <param name="overall">The totals of the closed conversations.</param>
    /// <param name="channels">The totals per channel.</param>
    /// <param name="periods">The score totals per trend period.</param>
    /// <param name="customers">The totals per customer.</param>
    /// <exception cref="ArgumentException">The options are invalid, an open conversation has no message channels, or two states of one conversation name different customers.</exception>
    [JsonConstructor]
    public StreamingConversationAccumulator(
        StreamingConversationOptions options,
        DateTimeOffset? newest,
        IReadOnlyList<ConversationState> open,
        SignalTotals overall,
        IReadOnlyDictionary<string, SignalTotals> channels,
        IReadOnlyDictionary<DateOnly, SignalTotals> periods,
        IReadOnlyList<CustomerTotals> customers)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(customers);
        foreach (ConversationState state in open)
        {
            if (state.MessageChannels is null)
            {
                throw new ArgumentException($"Open conversation '{state.ConversationId}' has no messageChannels; a streaming accumulator's state keeps each message's channel.", nameof(open));
            }
        }

        _open.Merge(new ConversationAccumulator(Options.Conversation, open));
        _totals.Restore(overall, channels, periods, customers);
        _newest = newest?.UtcTicks ?? long.MinValue;
        _nextSweep = _newest;
    }

    /// <summary>The settings.</summary>
    public StreamingConversationOptions Options { get; }

    /// <summary>The newest message seen, or <see langword="null"/> when none.</summary>
    public DateTimeOffset? Newest => _newest == long.MinValue ? null : new DateTimeOffset(_newest, TimeSpan.Zero);

    /// <summary>The open conversations and their messages.</summary>
    public IReadOnlyList<ConversationState> Open => _open.Conversations;

    /// <summary>The totals of the closed conversations.</summary>
    public SignalTotals Overall => _totals.Overall;

    /// <summary>The totals of the closed conversations per channel.</summary>
    public IReadOnlyDictionary<string, SignalTotals> Channels => _totals.Channels;

    /// <summary>The score totals of the closed conversations per trend period, keyed by the period's first day.</summary>
    public IReadOnlyDictionary<DateOnly, SignalTotals> Periods => _totals.Periods;

    /// <summary>The totals of the closed conversations per customer.</summary>
    public IReadOnlyList<CustomerTotals> Customers => _totals.ExportCustomers();

    /// <summary>The number of messages added.</summary>
    [JsonIgnore]
    public long Count => _totals.Overall.Messages + _open.Count;

    /// <summary>The number of open conversations (ids with messages kept).</summary>
    [JsonIgnore]
    public int OpenConversations => _open.ConversationCount;

    /// <summary>The number of messages kept, all in open conversations.</summary>
    [JsonIgnore]
    public long OpenMessages => _open.Count;

    private long CloseAfter => Options.CloseAfter.Ticks;

    /// <summary>Adds one message.</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException">The message is invalid, late, or names another customer than its conversation's; nothing is added.</exception>
    public void Add(in ConversationMessage message) => AddRange(new ReadOnlySpan<ConversationMessage>(in message));

    /// <summary>Adds a batch of messages, in any order, validating all of them before any is applied.</summary>
    /// <param name="messages">The messages.</param>
    /// <exception cref="ArgumentException">
    /// A message is invalid (<see cref="ConversationMessage.Validate"/>), gives its conversation a second customer, or
    /// is late: sent more than <see cref="StreamingConversationOptions.CloseAfter"/> before the newest message of
    /// earlier batches. The message names the message and its values; the accumulator is left as it was.
    /// </exception>
    public void AddRange(ReadOnlySpan<ConversationMessage> messages)
    {
        long newest = _newest;
        for (int i = 0; i < messages.Length; i++)
        {
            ref readonly ConversationMessage m = ref messages[i];
            if (m.IsValid && _newest != long.MinValue && m.SentTicks < _newest - CloseAfter)
            {
                ThrowLate(i, m);
            }

            newest = Math.Max(newest, m.SentTicks);
        }

        _open.AddRange(messages);
        _newest = newest;
        if (_newest >= _nextSweep)
        {
            CloseIdle();
        }
    }

    /// <summary>Adds the other accumulator's conversations and totals (exact for partitions keyed by customer; see the remarks).</summary>
    /// <param name="other">An accumulator with equal options.</param>
    /// <exception cref="ArgumentException">The options differ, <paramref name="other"/> is this accumulator, or an open conversation has different customers in the two; nothing is merged.</exception>
    public void Merge(StreamingConversationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself; merge a copy.", nameof(other));
        }

        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException("The accumulators have different options; merge only partitions computed with the same StreamingConversationOptions.", nameof(other));
        }

        _open.Merge(other._open);
        _totals.Merge(other._totals);
        _newest = Math.Max(_newest, other._newest);
        CloseIdle();
    }

    /// <summary>Creates an empty accumulator with the same options and scorer.</summary>
    /// <returns>The new accumulator.</returns>
    public StreamingConversationAccumulator CreateEmpty() => new(Options, _scorer);

    /// <summary>The signals overall and per channel, over closed and open conversations.</summary>
    /// <returns>The summary; with no messages every value is <see langword="null"/> and every count 0.</returns>
    public ConversationSummary ToResult()
    {
        StreamingTotals view = Settled(customerDetail: false);
        Dictionary<string, (long Customers, long Repeated)> channels = view.ChannelCustomers();
        (long customers, long repeated) = view.CustomerCounts();
        ConversationOptions o = Options.Conversation;
        ConversationSignals overall = view.Overall.ToSignals(string.Empty, customers, repeated, o);
        ConversationSignals[] perChannel = [.. view.Channels
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value.ToSignals(kv.Key, channels[kv.Key].Customers, channels[kv.Key].Repeated, o))];
        return new ConversationSummary(AsOf, overall, perChannel);
    }

    /// <summary>Each customer's signals, score, preferred channel and ignored channels, in ordinal customer order.</summary>
    /// <returns>One result per customer.</returns>
    public IReadOnlyList<CustomerEngagement> ToCustomerResults()
    {
        ConversationOptions o = Options.Conversation;
        return [.. Settled(customerDetail: true).CustomerTotalsWithChannels()
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c =>
            {
                (string? preferred, string[] ignored) = ConversationAccumulator.ChannelPreference(c.Channels, o);
                return new CustomerEngagement(c.Id, c.Totals.ToSignals(c.Id, 1, c.Totals.Repeats > 0 ? 1 : 0, o), preferred, ignored);
            })];
    }

    /// <summary>
    /// Engagement scores per <see cref="StreamingConversationOptions.TrendPeriod"/>, overall and per customer, their
    /// OLS slopes with t tests, and disengagement alerts. A conversation belongs to the period of its first message.
    /// </summary>
    /// <returns>The trend.</returns>
    public EngagementTrend ToTrend()
    {
        StreamingTotals view = Settled(customerDetail: true);
        EngagementPeriod period = Options.TrendPeriod;
        ConversationOptions o = Options.Conversation;
        Dictionary<DateOnly, (long Customers, long Repeated)> periods = view.PeriodCustomers();
        (PeriodScore[] scores, Statistics.LinearTrendResult slope) = EngagementPeriods.Scores(
            [.. view.Periods.Select(kv => (Number(kv.Key), kv.Value.ToSignals(string.Empty, periods[kv.Key].Customers, periods[kv.Key].Repeated, o)))],
            period);
        CustomerTrend[] customers = [.. view.CustomerPeriods(CustomerHorizon)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => EngagementPeriods.Customer(
                c.Id,
                [.. c.Periods.Select(p => (p.Number, p.Totals.ToSignals(string.Empty, 1, p.Totals.Repeats > 0 ? 1 : 0, o)))],
                period,
                o.Score))];
        return new EngagementTrend(period, scores, slope, customers);
    }

    private DateTimeOffset? AsOf => _newest == long.MinValue
        ? null
        : new DateTimeOffset(Options.Conversation.AsOf?.UtcTicks ?? _newest, TimeSpan.Zero);

    // The number of the first period a customer's trend keeps.
    private int CustomerHorizon => _newest == long.MinValue
        ? int.MinValue
        : EngagementPeriods.Number(_newest, Options.TrendPeriod) - Options.CustomerTrendPeriods + 1;

    private int Number(DateOnly periodStart) =>
        EngagementPeriods.Number(periodStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks, Options.TrendPeriod);

    // Closes the sessions no accepted message can join any more and settles the repeats no later start can change.
    private void CloseIdle()
    {
        if (_newest == long.MinValue)
        {
            return;
        }

        long closeBefore = _newest - (2 * CloseAfter);
        List<ConversationState>? emptied = null;
        foreach (ConversationState state in _open.States)
        {
            // ChannelTicks is the earliest message: a state that starts after the bound has nothing to close.
            int closed = state.ChannelTicks < closeBefore ? FoldSessions(_totals, state, closeBefore) : 0;
            if (closed == state.Count)
            {
                (emptied ??= []).Add(state);
            }
            else if (closed > 0)
            {
                _open.RemoveFirst(state, closed);
            }
        }

        foreach (ConversationState state in emptied ?? [])
        {
            _open.Remove(state);
        }

        _totals.ResolveRepeats(_newest - CloseAfter, OpenSessionStarts);
        _nextSweep = _newest + (CloseAfter / 2);
    }

    // The totals with every open conversation folded in and every repeat settled: what the results are made from.
    // Without customer detail, customers get only their counts and repeats (enough for the summary).
    private StreamingTotals Settled(bool customerDetail)
    {
        StreamingTotals view = _totals.Overlay(customerDetail);
        foreach (ConversationState state in _open.States)
        {
            FoldSessions(view, state, long.MaxValue);
        }

        view.ResolveRepeats(long.MaxValue, static _ => []);
        return view;
    }

    // Folds the state's sessions that end before `closeBefore` into `totals`; returns how many entries they hold.
    private int FoldSessions(StreamingTotals totals, ConversationState state, long closeBefore)
    {
        ReadOnlySpan<ConversationEntry> sorted = state.Sorted();
        ReadOnlySpan<string> channels = state.SortedChannels();
        long window = Options.Conversation.ResponseWindow.Ticks;
        long asOf = Options.Conversation.AsOf?.UtcTicks ?? _newest;
        int horizon = CustomerHorizon;
        int from = 0;
        while (from < sorted.Length)
        {
            int to = SessionEnd(sorted, from);
            if (sorted[to - 1].Ticks >= closeBefore)
            {
                break;
            }

            _times.Clear();
            ConversationFacts f = ConversationFacts.Measure(sorted[from..to], _times, window);
            f.JudgeAbandonment(asOf, window);
            string channel = ConversationState.EarliestChannel(sorted[from..to], channels[from..to]);
            totals.Fold(state.CustomerId, channel, f, CollectionsMarshal.AsSpan(_times), horizon);
            from = to;
        }

        return from;
    }

    // One past the last entry of the session that starts at `from`: the next silence longer than CloseAfter.
    private int SessionEnd(ReadOnlySpan<ConversationEntry> sorted, int from)
    {
        int to = from + 1;
        while (to < sorted.Length && sorted[to].Ticks - sorted[to - 1].Ticks <= CloseAfter)
        {
            to++;
        }

        return to;
    }

    // The session starts of the open conversations of the given customers.
    private Dictionary<string, List<long>> OpenSessionStarts(HashSet<string> customers)
    {
        var starts = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (ConversationState state in _open.States)
        {
            if (!customers.Contains(state.CustomerId))
            {
                continue;
            }

            ReadOnlySpan<ConversationEntry> sorted = state.Sorted();
            if (!starts.TryGetValue(state.CustomerId, out List<long>? list))
            {
                list = [];
                starts.Add(state.CustomerId, list);
            }

            for (int from = 0; from < sorted.Length; from = SessionEnd(sorted, from))
            {
                list.Add(sorted[from].Ticks);
            }
        }

        return starts;
    }

    private void ThrowLate(int index, in ConversationMessage m)
    {
        string field = nameof(ConversationMessage.SentAt);
        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{m.Position(index)}: SentAt is {m.SentAt:O}, more than CloseAfter ({Options.CloseAfter}) before the newest message already added ({Newest:O}); its conversation may be closed. Sort the input by time, add it in larger batches, or raise CloseAfter; nothing from the batch was added."),
            field);
    }
}

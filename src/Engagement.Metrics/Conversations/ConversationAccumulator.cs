using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// Single-pass, mergeable accumulator of the conversation engagement signals, keyed by conversation id
/// (definitions in docs/metrics/engagement-signals.md).
/// </summary>
/// <remarks>
/// <para>
/// <b>Memory.</b> One <see cref="ConversationState"/> per conversation (its three id strings are shared with the
/// input, plus about 100 bytes of object and dictionary overhead) holding one 24-byte <see cref="ConversationEntry"/>
/// per message: no text, no per-message strings. Response times, repeats and sentiment shift need every message's
/// time and direction to be exact whatever the arrival order, so the entries stay until the result; the cost is
/// therefore ≈ 24 B × messages + ≈ 150 B × conversations, far below the messages themselves.
/// </para>
/// <para>
/// <b>Order.</b> Messages may arrive in any order: each conversation's entries are sorted (time, then inbound before
/// outbound, then the remaining fields) when a result is computed, and groups are summed in an order-independent
/// way, so any permutation of the input gives identical results.
/// </para>
/// <para>
/// <b>Merging.</b> <see cref="Merge"/> adds the other accumulator's conversations; a conversation present in both
/// partitions has its entries concatenated, so the merged result equals the result over all messages exactly.
/// A conversation must keep one customer: messages or partitions that disagree are rejected.
/// </para>
/// <para>
/// <b>Text.</b> Questions are counted from a customer message's text when it is added (<see cref="Questions"/>). A
/// message without <see cref="ConversationMessage.Sentiment"/> is scored by the optional
/// <see cref="ISentimentScorer"/> when it is a customer message with text.
/// </para>
/// </remarks>
public sealed class ConversationAccumulator : IMergeableAccumulator<ConversationAccumulator>
{
    private const int ChunkSize = 1024;
    private readonly Dictionary<string, ConversationState> _conversations;
    private readonly ISentimentScorer? _scorer;
    private readonly bool _keepMessageChannels;
    private readonly List<(ConversationState State, string? Channel, long Ticks)> _undo = [];
    private readonly Stack<ConversationState> _spare = new(); // states the streaming accumulator closed, for reuse
    private long _messages;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Windows and score settings; <see cref="ConversationOptions.Default"/> when null.</param>
    /// <param name="scorer">Scores customer messages that have text but no sentiment; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ConversationAccumulator(ConversationOptions? options = null, ISentimentScorer? scorer = null)
        : this(options, scorer, keepMessageChannels: false)
    {
    }

    // The streaming accumulator keeps its open conversations here, with each message's channel (a conversation it
    // splits into sessions needs every session's own first channel).
    internal ConversationAccumulator(ConversationOptions? options, ISentimentScorer? scorer, bool keepMessageChannels)
    {
        Options = (options ?? ConversationOptions.Default).Validate();
        _scorer = scorer;
        _keepMessageChannels = keepMessageChannels;
        _conversations = [];
    }

    /// <summary>Restores an accumulator from its state (also the JSON constructor).</summary>
    /// <param name="options">The options.</param>
    /// <param name="conversations">The conversations' states; states with the same id are merged.</param>
    /// <exception cref="ArgumentException">The options are invalid, or two states of one conversation name different customers.</exception>
    [JsonConstructor]
    public ConversationAccumulator(ConversationOptions options, IReadOnlyList<ConversationState> conversations)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var other = new ConversationAccumulator(Options);
        foreach (ConversationState state in conversations)
        {
            var single = new ConversationAccumulator(Options);
            single._conversations[state.ConversationId] = state.Clone();
            single._messages = state.Count;
            other.Merge(single);
        }

        Merge(other);
    }

    /// <summary>The options.</summary>
    public ConversationOptions Options { get; }

    /// <summary>The state of every conversation seen (for JSON persistence).</summary>
    public IReadOnlyList<ConversationState> Conversations => [.. _conversations.Values.Select(s => s.Clone())];

    /// <summary>The number of messages added.</summary>
    [JsonIgnore]
    public long Count => _messages;

    /// <summary>The number of conversations seen.</summary>
    [JsonIgnore]
    public int ConversationCount => _conversations.Count;

    /// <summary>Adds one message.</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException">The message is invalid, or names another customer than its conversation's; nothing is added.</exception>
    public void Add(in ConversationMessage message) => AddRange(new ReadOnlySpan<ConversationMessage>(in message));

    /// <summary>Adds a batch of messages, validating all of them before any is applied.</summary>
    /// <param name="messages">The messages, in any order.</param>
    /// <exception cref="ArgumentException">
    /// A message is invalid (<see cref="ConversationMessage.Validate"/>), or gives its conversation a second customer;
    /// the message names the message, the conversation and both customers. The accumulator is left as it was.
    /// </exception>
    public void AddRange(ReadOnlySpan<ConversationMessage> messages)
    {
        // Validate and apply in chunks, so each chunk is read from memory once; a bad message undoes what was applied.
        _undo.Clear();
        for (int from = 0; from < messages.Length; from += ChunkSize)
        {
            int to = Math.Min(messages.Length, from + ChunkSize);
            for (int i = from; i < to; i++)
            {
                if (!messages[i].IsValid)
                {
                    Rollback(messages[..from]);
                    messages[i].ValidateAt(i);
                }
            }

            for (int i = from; i < to; i++)
            {
                ref readonly ConversationMessage m = ref messages[i];
                ref ConversationState? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_conversations, m.ConversationId, out bool exists);
                if (!exists)
                {
                    slot = Open(m);
                    _undo.Add((slot, null, 0));
                }
                else if (!ReferenceEquals(slot!.CustomerId, m.CustomerId) && !string.Equals(slot.CustomerId, m.CustomerId, StringComparison.Ordinal))
                {
                    string owner = slot.CustomerId;
                    Rollback(messages[..i]);
                    ThrowSecondCustomer(i, m, owner);
                }
                else
                {
                    string previous = slot.Channel;
                    long ticks = slot.ChannelTicks;
                    if (slot.OfferChannel(m.Channel, m.SentTicks))
                    {
                        _undo.Add((slot, previous, ticks));
                    }
                }

                slot!.Append(ToEntry(m), m.Channel);
            }
        }

        _messages += messages.Length;
        _undo.Clear();
    }

    /// <summary>Adds the other accumulator's conversations (exact: see the remarks).</summary>
    /// <param name="other">An accumulator with equal options.</param>
    /// <exception cref="ArgumentException">The options differ, <paramref name="other"/> is this accumulator, or a conversation has different customers in the two; nothing is merged.</exception>
    public void Merge(ConversationAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself; merge a copy.", nameof(other));
        }

        if (!Options.Equals(other.Options))
        {
            throw new ArgumentException("The accumulators have different options; merge only partitions computed with the same ConversationOptions.", nameof(other));
        }

        foreach (ConversationState state in other._conversations.Values)
        {
            if (_conversations.TryGetValue(state.ConversationId, out ConversationState? mine)
                && !string.Equals(mine.CustomerId, state.CustomerId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Conversation '{state.ConversationId}' belongs to customer '{mine.CustomerId}' in this accumulator and to '{state.CustomerId}' in the other; a conversation has exactly one customer. Nothing was merged.",
                    nameof(other));
            }
        }

        foreach (ConversationState state in other._conversations.Values)
        {
            if (_conversations.TryGetValue(state.ConversationId, out ConversationState? mine))
            {
                mine.AppendAll(state);
            }
            else
            {
                _conversations.Add(state.ConversationId, state.Clone());
            }
        }

        _messages += other._messages;
    }

    // The open conversations, for the streaming accumulator (which removes those it closes).
    internal Dictionary<string, ConversationState>.ValueCollection States => _conversations.Values;

    internal void Remove(ConversationState state)
    {
        _conversations.Remove(state.ConversationId);
        _messages -= state.Count;
        // A sweep closes about as many conversations as open until the next, a fraction of those open; keeping up to a
        // quarter of the open count (at least 1 024) covers that without letting spares outgrow the open states.
        if (_spare.Count < Math.Max(1024, _conversations.Count / 4))
        {
            _spare.Push(state);
        }
    }

    internal void RemoveFirst(ConversationState state, int count)
    {
        state.RemoveFirst(count);
        _messages -= count;
    }

    /// <summary>Creates an empty accumulator with the same options and scorer.</summary>
    /// <returns>The new accumulator.</returns>
    public ConversationAccumulator CreateEmpty() => new(Options, _scorer);

    /// <summary>The signals overall and per channel.</summary>
    /// <returns>The summary; with no messages every value is <see langword="null"/> and every count 0.</returns>
    public ConversationSummary ToResult()
    {
        Snapshot s = Compute();
        var overall = new SignalGroup();
        var channels = new SignalGroup[s.Channels.Count];
        for (int c = 0; c < channels.Length; c++)
        {
            channels[c] = new SignalGroup();
        }

        for (int i = 0; i < s.Facts.Length; i++)
        {
            ref readonly ConversationFacts f = ref s.Facts[i];
            ReadOnlySpan<long> times = s.ResponseTimes(f);
            overall.Add(f, times);
            channels[f.Channel].Add(f, times);
        }

        var channelSignals = new ConversationSignals[channels.Length];
        int[] order = OrdinalOrder(s.Channels);
        for (int k = 0; k < order.Length; k++)
        {
            channelSignals[k] = channels[order[k]].ToSignals(s.Channels[order[k]], Options);
        }

        return new ConversationSummary(s.AsOf, overall.ToSignals(string.Empty, Options), channelSignals);
    }

    /// <summary>The signals of every conversation, in ordinal conversation-id order.</summary>
    /// <returns>One result per conversation.</returns>
    public IReadOnlyList<ConversationResult> ToConversationResults()
    {
        Snapshot s = Compute();
        var results = new ConversationResult[s.Facts.Length];
        for (int i = 0; i < s.Facts.Length; i++)
        {
            ref readonly ConversationFacts f = ref s.Facts[i];
            ConversationState state = s.States[i];
            ReadOnlySpan<long> times = s.ResponseTimes(f);
            double? mean = null, median = null;
            if (times.Length > 0)
            {
                long sum = 0;
                var seconds = new double[times.Length];
                for (int k = 0; k < times.Length; k++)
                {
                    sum += times[k];
                    seconds[k] = (double)times[k] / TimeSpan.TicksPerSecond;
                }

                mean = (double)sum / times.Length / TimeSpan.TicksPerSecond;
                median = Statistics.Quantiles.QuantileInPlace(seconds, 0.5);
            }

            results[i] = new ConversationResult(
                state.ConversationId, state.CustomerId, state.Channel, new DateTimeOffset(f.Start, TimeSpan.Zero), new DateTimeOffset(f.End, TimeSpan.Zero),
                f.Inbound, f.Outbound, f.Answered, mean, median,
                f.AgentFirst >= 0 ? (double)f.AgentFirst / TimeSpan.TicksPerSecond : null,
                f.Inbound > 0 ? (double)f.InboundLength / f.Inbound : null,
                LengthTrend(state.Sorted()),
                f.Questions >= 0 ? f.Questions : null,
                double.IsNaN(f.Shift) ? null : f.Shift,
                f.Resolved, f.Abandoned);
        }

        Array.Sort(results, static (a, b) => string.CompareOrdinal(a.ConversationId, b.ConversationId));
        return results;
    }

    /// <summary>Each customer's signals, score, preferred channel and ignored channels, in ordinal customer order.</summary>
    /// <returns>One result per customer.</returns>
    public IReadOnlyList<CustomerEngagement> ToCustomerResults()
    {
        Snapshot s = Compute();
        var groups = new SignalGroup[s.Customers.Count];
        var perChannel = new Dictionary<(int Customer, int Channel), (long Outbound, long Answered)>();
        for (int c = 0; c < groups.Length; c++)
        {
            groups[c] = new SignalGroup();
        }

        for (int i = 0; i < s.Facts.Length; i++)
        {
            ref readonly ConversationFacts f = ref s.Facts[i];
            groups[f.Customer].Add(f, s.ResponseTimes(f));
            ref (long Outbound, long Answered) slot = ref CollectionsMarshal.GetValueRefOrAddDefault(perChannel, (f.Customer, f.Channel), out _);
            slot.Outbound += f.Outbound;
            slot.Answered += f.Answered;
        }

        var byCustomer = new List<(string Channel, long Outbound, long Answered)>[groups.Length];
        foreach (KeyValuePair<(int Customer, int Channel), (long Outbound, long Answered)> kv in perChannel)
        {
            (byCustomer[kv.Key.Customer] ??= []).Add((s.Channels[kv.Key.Channel], kv.Value.Outbound, kv.Value.Answered));
        }

        var results = new CustomerEngagement[groups.Length];
        int[] order = OrdinalOrder(s.Customers);
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            (string? preferred, string[] ignored) = ChannelPreference(byCustomer[c] ?? [], Options);
            results[k] = new CustomerEngagement(s.Customers[c], groups[c].ToSignals(s.Customers[c], Options), preferred, ignored);
        }

        return results;
    }

    /// <summary>
    /// Engagement scores per period, overall and per customer, their OLS slopes with t tests, and disengagement
    /// alerts. A conversation belongs to the period of its first message.
    /// </summary>
    /// <param name="period">The period length.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not defined.</exception>
    public EngagementTrend ToTrend(EngagementPeriod period)
    {
        EngagementPeriods.Check(period);
        Snapshot s = Compute();
        var overall = new SortedDictionary<int, SignalGroup>();
        var perCustomer = new SortedDictionary<int, SignalGroup>[s.Customers.Count];
        for (int i = 0; i < s.Facts.Length; i++)
        {
            ref readonly ConversationFacts f = ref s.Facts[i];
            int p = EngagementPeriods.Number(f.Start, period);
            ReadOnlySpan<long> times = s.ResponseTimes(f);
            GroupFor(overall, p).Add(f, times);
            GroupFor(perCustomer[f.Customer] ??= [], p).Add(f, times);
        }

        (PeriodScore[] overallScores, Statistics.LinearTrendResult overallSlope) = EngagementPeriods.Scores(Signals(overall), period);
        var customers = new CustomerTrend[perCustomer.Length];
        int[] order = OrdinalOrder(s.Customers);
        for (int k = 0; k < order.Length; k++)
        {
            customers[k] = EngagementPeriods.Customer(s.Customers[order[k]], Signals(perCustomer[order[k]]), period, Options.Score);
        }

        return new EngagementTrend(period, overallScores, overallSlope, customers);
    }

    private (int Number, ConversationSignals Signals)[] Signals(SortedDictionary<int, SignalGroup> groups) =>
        [.. groups.Select(kv => (kv.Key, kv.Value.ToSignals(string.Empty, Options)))];

    private static SignalGroup GroupFor(SortedDictionary<int, SignalGroup> groups, int period)
    {
        if (!groups.TryGetValue(period, out SignalGroup? group))
        {
            group = new SignalGroup();
            groups.Add(period, group);
        }

        return group;
    }

    // The customer's preferred channel and the channels they ignore, from outbound and answered counts per channel.
    internal static (string? Preferred, string[] Ignored) ChannelPreference(IReadOnlyList<(string Channel, long Outbound, long Answered)> channels, ConversationOptions options)
    {
        string? preferred = null;
        double best = -1;
        long bestOutbound = 0;
        bool answersSomewhere = false;
        double max = options.IgnoredChannelMaximumResponseRate;
        foreach ((string channel, long outbound, long answered) in channels)
        {
            if (outbound == 0)
            {
                continue;
            }

            double rate = (double)answered / outbound;
            answersSomewhere |= rate > max;
            if (rate > best || (rate == best && (outbound > bestOutbound || (outbound == bestOutbound && string.CompareOrdinal(channel, preferred) < 0))))
            {
                (preferred, best, bestOutbound) = (channel, rate, outbound);
            }
        }

        var ignored = new List<string>();
        if (answersSomewhere)
        {
            foreach ((string channel, long outbound, long answered) in channels)
            {
                if (outbound >= options.IgnoredChannelMinimumOutbound && (double)answered / outbound <= max)
                {
                    ignored.Add(channel);
                }
            }
        }

        ignored.Sort(StringComparer.Ordinal);
        return (preferred, [.. ignored]);
    }

    private static int[] OrdinalOrder(List<string> names)
    {
        int[] order = new int[names.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        return order;
    }

    private ConversationEntry ToEntry(in ConversationMessage m)
    {
        int questions = -1;
        double sentiment = m.Sentiment ?? double.NaN;
        if (m.IsInbound && m.Text is { } text)
        {
            questions = Questions.Count(text);
            if (_scorer is not null && m.Sentiment is null)
            {
                sentiment = Math.Clamp(_scorer.Score(text).Compound, -1, 1);
            }
        }

        return new ConversationEntry(m.SentTicks, m.Direction, m.Length, questions, sentiment, m.Resolved);
    }

    private ConversationState Open(in ConversationMessage m)
    {
        if (_spare.TryPop(out ConversationState? state))
        {
            state.Reuse(m.ConversationId, m.CustomerId, m.Channel, m.SentTicks);
            return state;
        }

        return new ConversationState(m.ConversationId, m.CustomerId, m.Channel, m.SentTicks, _keepMessageChannels);
    }

    private void Rollback(ReadOnlySpan<ConversationMessage> applied)
    {
        for (int j = applied.Length - 1; j >= 0; j--)
        {
            _conversations[applied[j].ConversationId].RemoveLast();
        }

        for (int k = _undo.Count - 1; k >= 0; k--)
        {
            (ConversationState state, string? channel, long ticks) = _undo[k];
            if (channel is null)
            {
                _conversations.Remove(state.ConversationId);
            }
            else
            {
                state.RestoreChannel(channel, ticks);
            }
        }

        _undo.Clear();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSecondCustomer(int index, in ConversationMessage m, string owner)
    {
        string field = nameof(ConversationMessage.CustomerId);
        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{m.Position(index)}: CustomerId is '{m.CustomerId}' but conversation '{m.ConversationId}' belongs to customer '{owner}'; a conversation has exactly one customer. Fix the ids or give the message its own conversation; nothing from the batch was added."),
            field);
    }

    private static double? LengthTrend(ReadOnlySpan<ConversationEntry> entries)
    {
        double n = 0, sumX = 0, sumY = 0, sumXY = 0, sumXX = 0;
        foreach (ConversationEntry e in entries)
        {
            if (e.IsInbound)
            {
                sumX += n;
                sumY += e.Length;
                sumXY += n * e.Length;
                sumXX += n * n;
                n++;
            }
        }

        double sxx = sumXX - (sumX * sumX / n);
        return n >= 2 && sxx > 0 ? (sumXY - (sumX * sumY / n)) / sxx : null;
    }

    // Per-conversation facts computed from the sorted entries; the groups (overall, channel, customer, period) sum them.
    private Snapshot Compute()
    {
        int n = _conversations.Count;
        var states = new ConversationState[n];
        _conversations.Values.CopyTo(states, 0);
        var facts = new ConversationFacts[n];
        var customers = new Dictionary<string, int>();
        var customerNames = new List<string>();
        var channels = new Dictionary<string, int>();
        var channelNames = new List<string>();
        var times = new List<long>();
        long window = Options.ResponseWindow.Ticks;
        long latest = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            ConversationState state = states[i];
            ref ConversationFacts f = ref facts[i];
            f = ConversationFacts.Measure(state.Sorted(), times, window);
            f.Customer = Index(customers, customerNames, state.CustomerId);
            f.Channel = Index(channels, channelNames, state.Channel);
            latest = Math.Max(latest, f.End);
        }

        long asOf = Options.AsOf?.UtcTicks ?? latest;
        for (int i = 0; i < n; i++)
        {
            facts[i].JudgeAbandonment(asOf, window);
        }

        FindRepeats(facts, customerNames.Count, Options.RepeatWindow.Ticks);
        return new Snapshot(states, facts, [.. times], customerNames, channelNames, n > 0 ? new DateTimeOffset(asOf, TimeSpan.Zero) : null);
    }

    // For each conversation, the nearest other conversation of the same customer that starts at or after its end.
    private static void FindRepeats(ConversationFacts[] facts, int customers, long window)
    {
        int[] start = new int[customers + 1];
        foreach (ConversationFacts f in facts)
        {
            start[f.Customer + 1]++;
        }

        for (int c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        int[] order = new int[facts.Length];
        int[] next = (int[])start.Clone();
        for (int i = 0; i < facts.Length; i++)
        {
            order[next[facts[i].Customer]++] = i;
        }

        var starts = new List<long>();
        for (int c = 0; c < customers; c++)
        {
            Span<int> mine = order.AsSpan(start[c], start[c + 1] - start[c]);
            if (mine.Length < 2)
            {
                continue;
            }

            mine.Sort((a, b) => facts[a].Start.CompareTo(facts[b].Start));
            starts.Clear();
            foreach (int i in mine)
            {
                starts.Add(facts[i].Start);
            }

            ReadOnlySpan<long> sorted = CollectionsMarshal.AsSpan(starts);
            for (int k = 0; k < mine.Length; k++)
            {
                ref ConversationFacts f = ref facts[mine[k]];
                int j = sorted.BinarySearch(f.End);
                if (j < 0)
                {
                    j = ~j;
                }
                else
                {
                    while (j > 0 && sorted[j - 1] == f.End)
                    {
                        j--;
                    }
                }

                if (j == k)
                {
                    j++; // a conversation never repeats itself (an instant conversation starts at its own end)
                }

                if (j < mine.Length && sorted[j] - f.End <= window)
                {
                    f.Gap = sorted[j] - f.End;
                }
            }
        }
    }

    private static int Index(Dictionary<string, int> index, List<string> names, string key)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out bool exists);
        if (!exists)
        {
            slot = names.Count;
            names.Add(key);
        }

        return slot;
    }

    private sealed record Snapshot(
        ConversationState[] States, ConversationFacts[] Facts, long[] Times, List<string> Customers, List<string> Channels, DateTimeOffset? AsOf)
    {
        public ReadOnlySpan<long> ResponseTimes(in ConversationFacts f) => Times.AsSpan(f.ResponseOffset, f.ResponseCount);
    }
}

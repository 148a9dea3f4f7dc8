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
    private readonly List<(ConversationState State, string? Channel, long Ticks)> _undo = [];
    private long _messages;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">Windows and score settings; <see cref="ConversationOptions.Default"/> when null.</param>
    /// <param name="scorer">Scores customer messages that have text but no sentiment; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ConversationAccumulator(ConversationOptions? options = null, ISentimentScorer? scorer = null)
    {
        Options = (options ?? ConversationOptions.Default).Validate();
        _scorer = scorer;
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
    public IReadOnlyList<ConversationState> Conversations => [.. _conversations.Values];

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
                    slot = new ConversationState(m.ConversationId, m.CustomerId, m.Channel, m.SentTicks);
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

                slot!.Append(ToEntry(m));
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

        var byCustomer = new List<(int Channel, long Outbound, long Answered)>[groups.Length];
        foreach (KeyValuePair<(int Customer, int Channel), (long Outbound, long Answered)> kv in perChannel)
        {
            (byCustomer[kv.Key.Customer] ??= []).Add((kv.Key.Channel, kv.Value.Outbound, kv.Value.Answered));
        }

        var results = new CustomerEngagement[groups.Length];
        int[] order = OrdinalOrder(s.Customers);
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            (string? preferred, string[] ignored) = ChannelPreference(byCustomer[c] ?? [], s.Channels);
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
        if (period is not (EngagementPeriod.Day or EngagementPeriod.Week or EngagementPeriod.Month or EngagementPeriod.Quarter))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Use Day, Week, Month or Quarter.");
        }

        Snapshot s = Compute();
        var overall = new SortedDictionary<int, SignalGroup>();
        var perCustomer = new SortedDictionary<int, SignalGroup>[s.Customers.Count];
        for (int i = 0; i < s.Facts.Length; i++)
        {
            ref readonly ConversationFacts f = ref s.Facts[i];
            int p = PeriodNumber(f.Start, period);
            ReadOnlySpan<long> times = s.ResponseTimes(f);
            GroupFor(overall, p).Add(f, times);
            GroupFor(perCustomer[f.Customer] ??= [], p).Add(f, times);
        }

        (PeriodScore[] overallScores, LinearTrendResultBox overallSlope) = Scores(overall, period);
        var customers = new CustomerTrend[perCustomer.Length];
        int[] order = OrdinalOrder(s.Customers);
        double threshold = Options.Score.AlertThreshold;
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            (PeriodScore[] scores, LinearTrendResultBox slope) = Scores(perCustomer[c], period);
            var alerts = new List<DisengagementAlert>();
            for (int j = 1; j < scores.Length; j++)
            {
                if (scores[j - 1].Score.Score is double before && scores[j].Score.Score is double after && before - after > threshold)
                {
                    alerts.Add(new DisengagementAlert(s.Customers[c], scores[j - 1].PeriodStart, scores[j].PeriodStart, before, after, FallingSignals(scores[j - 1].Score, scores[j].Score, Options.Score)));
                }
            }

            customers[k] = new CustomerTrend(s.Customers[c], scores, slope.Value, alerts);
        }

        return new EngagementTrend(period, overallScores, overallSlope.Value, customers);
    }

    private static SignalGroup GroupFor(SortedDictionary<int, SignalGroup> groups, int period)
    {
        if (!groups.TryGetValue(period, out SignalGroup? group))
        {
            group = new SignalGroup();
            groups.Add(period, group);
        }

        return group;
    }

    private (PeriodScore[] Scores, LinearTrendResultBox Slope) Scores(SortedDictionary<int, SignalGroup> groups, EngagementPeriod period)
    {
        var scores = new PeriodScore[groups.Count];
        var x = new List<double>(groups.Count);
        var y = new List<double>(groups.Count);
        int k = 0;
        foreach (KeyValuePair<int, SignalGroup> kv in groups)
        {
            ConversationSignals signals = kv.Value.ToSignals(string.Empty, Options);
            scores[k++] = new PeriodScore(PeriodStart(kv.Key, period), signals.Conversations, signals.Score);
            if (signals.Score.Score is double score)
            {
                x.Add(kv.Key);
                y.Add(score);
            }
        }

        return (scores, new LinearTrendResultBox(Statistics.LinearTrend.Fit(CollectionsMarshal.AsSpan(x), CollectionsMarshal.AsSpan(y))));
    }

    private readonly record struct LinearTrendResultBox(Statistics.LinearTrendResult Value);

    private static string[] FallingSignals(EngagementScoreResult before, EngagementScoreResult after, EngagementScoreOptions o)
    {
        Span<(double Fall, int Index)> falls = stackalloc (double, int)[7];
        int n = 0;
        Consider(before.ResponseRate, after.ResponseRate, o.ResponseRateWeight, 0, falls, ref n);
        Consider(before.ResponseSpeed, after.ResponseSpeed, o.ResponseSpeedWeight, 1, falls, ref n);
        Consider(before.MessageLength, after.MessageLength, o.MessageLengthWeight, 2, falls, ref n);
        Consider(before.Questions, after.Questions, o.QuestionsWeight, 3, falls, ref n);
        Consider(before.SentimentShift, after.SentimentShift, o.SentimentShiftWeight, 4, falls, ref n);
        Consider(before.Retention, after.Retention, o.AbandonmentWeight, 5, falls, ref n);
        Consider(before.RepeatInteraction, after.RepeatInteraction, o.RepeatInteractionWeight, 6, falls, ref n);
        falls[..n].Sort(static (a, b) => a.Fall != b.Fall ? b.Fall.CompareTo(a.Fall) : a.Index.CompareTo(b.Index));
        var names = new string[n];
        for (int i = 0; i < n; i++)
        {
            names[i] = SignalNames[falls[i].Index];
        }

        return names;

        static void Consider(double? before, double? after, double weight, int index, Span<(double, int)> falls, ref int n)
        {
            if (before is double b && after is double a && a < b)
            {
                falls[n++] = ((b - a) * weight, index);
            }
        }
    }

    private static readonly string[] SignalNames = ["responseRate", "responseSpeed", "messageLength", "questions", "sentimentShift", "retention", "repeatInteraction"];

    internal static int PeriodNumber(long ticks, EngagementPeriod period)
    {
        var day = DateOnly.FromDateTime(new DateTime(ticks, DateTimeKind.Utc));
        return period switch
        {
            EngagementPeriod.Day => day.DayNumber,
            EngagementPeriod.Week => (day.DayNumber - ((int)day.DayOfWeek + 6) % 7) / 7,
            EngagementPeriod.Month => (day.Year * 12) + day.Month - 1,
            _ => (day.Year * 4) + ((day.Month - 1) / 3),
        };
    }

    internal static DateOnly PeriodStart(int number, EngagementPeriod period) => period switch
    {
        EngagementPeriod.Day => DateOnly.FromDayNumber(number),
        EngagementPeriod.Week => DateOnly.FromDayNumber(number * 7),
        EngagementPeriod.Month => new DateOnly(number / 12, (number % 12) + 1, 1),
        _ => new DateOnly(number / 4, ((number % 4) * 3) + 1, 1),
    };

    private (string? Preferred, string[] Ignored) ChannelPreference(List<(int Channel, long Outbound, long Answered)> channels, List<string> names)
    {
        string? preferred = null;
        double best = -1;
        long bestOutbound = 0;
        bool answersSomewhere = false;
        double max = Options.IgnoredChannelMaximumResponseRate;
        foreach ((int channel, long outbound, long answered) in channels)
        {
            if (outbound == 0)
            {
                continue;
            }

            double rate = (double)answered / outbound;
            answersSomewhere |= rate > max;
            if (rate > best || (rate == best && (outbound > bestOutbound || (outbound == bestOutbound && string.CompareOrdinal(names[channel], preferred) < 0))))
            {
                (preferred, best, bestOutbound) = (names[channel], rate, outbound);
            }
        }

        var ignored = new List<string>();
        if (answersSomewhere)
        {
            foreach ((int channel, long outbound, long answered) in channels)
            {
                if (outbound >= Options.IgnoredChannelMinimumOutbound && (double)answered / outbound <= max)
                {
                    ignored.Add(names[channel]);
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
        string id = m.MessageId.Length > 0 ? $"message '{m.MessageId}'" : "a message";
        string field = nameof(ConversationMessage.CustomerId);
        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"messages[{index}] ({id} in conversation '{m.ConversationId}'): CustomerId is '{m.CustomerId}' but conversation '{m.ConversationId}' belongs to customer '{owner}'; a conversation has exactly one customer. Fix the ids or give the message its own conversation; nothing from the batch was added."),
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
        Span<double> sentimentBuffer = stackalloc double[64];

        for (int i = 0; i < n; i++)
        {
            ConversationState state = states[i];
            ReadOnlySpan<ConversationEntry> entries = state.Sorted();
            ref ConversationFacts f = ref facts[i];
            f.Customer = Index(customers, customerNames, state.CustomerId);
            f.Channel = Index(channels, channelNames, state.Channel);
            f.Start = entries[0].Ticks;
            f.End = entries[^1].Ticks;
            latest = Math.Max(latest, f.End);
            f.ResponseOffset = times.Count;
            f.AgentFirst = -1;
            f.Questions = -1;
            f.Gap = -1;

            long firstInbound = -1;
            int scored = 0;
            for (int k = 0; k < entries.Length; k++)
            {
                ConversationEntry e = entries[k];
                f.Resolved |= e.Resolved;
                if (e.IsInbound)
                {
                    f.Inbound++;
                    f.InboundLength += e.Length;
                    if (e.RawQuestions >= 0)
                    {
                        f.Questions = Math.Max(f.Questions, 0) + e.RawQuestions;
                    }

                    if (!double.IsNaN(e.RawSentiment))
                    {
                        scored++;
                    }

                    if (firstInbound < 0)
                    {
                        firstInbound = e.Ticks;
                    }

                    if (k > 0 && !entries[k - 1].IsInbound)
                    {
                        times.Add(e.Ticks - entries[k - 1].Ticks);
                    }
                }
                else
                {
                    f.Outbound++;
                    if (firstInbound >= 0 && f.AgentFirst < 0)
                    {
                        f.AgentFirst = e.Ticks - firstInbound;
                    }
                }
            }

            long nextInbound = long.MaxValue;
            for (int k = entries.Length - 1; k >= 0; k--)
            {
                if (entries[k].IsInbound)
                {
                    nextInbound = entries[k].Ticks;
                }
                else if (nextInbound != long.MaxValue && nextInbound - entries[k].Ticks <= window)
                {
                    f.Answered++;
                }
            }

            f.ResponseCount = times.Count - f.ResponseOffset;
            f.Shift = double.NaN;
            if (scored >= 2)
            {
                Span<double> values = scored <= sentimentBuffer.Length ? sentimentBuffer[..scored] : new double[scored];
                int v = 0;
                foreach (ConversationEntry e in entries)
                {
                    if (e.IsInbound && !double.IsNaN(e.RawSentiment))
                    {
                        values[v++] = e.RawSentiment;
                    }
                }

                f.Shift = SentimentShift.Calculate(values).Shift ?? double.NaN;
            }
        }

        long asOf = Options.AsOf?.UtcTicks ?? latest;
        for (int i = 0; i < n; i++)
        {
            ref ConversationFacts f = ref facts[i];
            ReadOnlySpan<ConversationEntry> entries = states[i].Sorted();
            f.Abandoned = !f.Resolved && f.Inbound > 0 && !entries[^1].IsInbound && asOf - f.End > window;
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

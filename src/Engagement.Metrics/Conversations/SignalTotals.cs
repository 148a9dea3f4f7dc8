using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The folded signals of a group of closed conversations (overall, a channel, a period, a customer) in the
/// <see cref="StreamingConversationAccumulator"/>'s state: exact integer counts and, where the group reports them,
/// <see cref="DurationTotals"/> with sketched medians. Adding and merging give the same totals in any order.
/// </summary>
/// <remarks>
/// Distinct customers are not stored here: they are counted from the accumulator's <see cref="CustomerTotals"/>, so a
/// customer is never counted twice across merged partitions. Periods keep only what their score needs (response
/// times), and a customer's channels only counts, which keeps the state per customer small.
/// </remarks>
public sealed class SignalTotals
{
    private SignalCounts _counts;

    /// <summary>Creates empty totals.</summary>
    public SignalTotals()
    {
    }

    /// <summary>Restores totals (also the JSON constructor).</summary>
    /// <param name="conversations">Conversations.</param>
    /// <param name="messages">Messages.</param>
    /// <param name="inboundMessages">Customer messages.</param>
    /// <param name="outboundMessages">Outbound messages.</param>
    /// <param name="answered">Outbound messages answered within the response window.</param>
    /// <param name="abandoned">Abandoned conversations.</param>
    /// <param name="inboundLength">Total length of the customer messages, in characters.</param>
    /// <param name="questions">Customer questions.</param>
    /// <param name="conversationsWithText">Conversations with customer text (the questions' denominator).</param>
    /// <param name="sentimentShifts">Conversations with a sentiment shift.</param>
    /// <param name="sentimentShiftSum">The sum of the shifts in units of 2⁻⁵² (an exact, order-independent fixed-point sum).</param>
    /// <param name="repeats">Conversations followed by the customer's next one within the repeat window.</param>
    /// <param name="responseTimes">Customer response times, or <see langword="null"/> when not kept or none.</param>
    /// <param name="firstResponses">Agent first-response times, or <see langword="null"/>.</param>
    /// <param name="durations">Conversation durations, or <see langword="null"/>.</param>
    /// <param name="timeBetween">Times from a conversation's end to the customer's next one, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or exceeds what contains it.</exception>
    [JsonConstructor]
    public SignalTotals(
        long conversations,
        long messages,
        long inboundMessages,
        long outboundMessages,
        long answered,
        long abandoned,
        long inboundLength,
        long questions,
        long conversationsWithText,
        long sentimentShifts,
        Int128 sentimentShiftSum,
        long repeats,
        DurationTotals? responseTimes,
        DurationTotals? firstResponses,
        DurationTotals? durations,
        DurationTotals? timeBetween)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inboundLength);
        ArgumentOutOfRangeException.ThrowIfNegative(questions);
        ArgumentOutOfRangeException.ThrowIfNegative(conversations);
        ArgumentOutOfRangeException.ThrowIfNegative(inboundMessages);
        ArgumentOutOfRangeException.ThrowIfNegative(outboundMessages);
        ArgumentOutOfRangeException.ThrowIfNotEqual(messages, inboundMessages + outboundMessages);
        CheckPart(answered, outboundMessages, nameof(answered));
        CheckPart(abandoned, conversations, nameof(abandoned));
        CheckPart(conversationsWithText, conversations, nameof(conversationsWithText));
        CheckPart(sentimentShifts, conversations, nameof(sentimentShifts));
        CheckPart(repeats, conversations, nameof(repeats));
        if (Int128.Abs(sentimentShiftSum) > (Int128)(2 * SignalCounts.ShiftScale) * sentimentShifts)
        {
            throw new ArgumentOutOfRangeException(nameof(sentimentShiftSum), sentimentShiftSum, "Every sentiment shift lies in [-2, 2], so the sum cannot exceed 2·2⁵² per shift.");
        }

        _counts = new SignalCounts
        {
            Conversations = conversations, Messages = messages, Inbound = inboundMessages, Outbound = outboundMessages,
            Answered = answered, Abandoned = abandoned, InboundLength = inboundLength, Questions = questions,
            WithText = conversationsWithText, Shifts = sentimentShifts, ShiftSum = sentimentShiftSum, Repeats = repeats,
        };
        ResponseTimes = responseTimes;
        FirstResponses = firstResponses;
        Durations = durations;
        TimeBetween = timeBetween;
    }

    // Public state of a streaming customer's group, assembled from its packed tables.
    internal SignalTotals(in SignalCounts counts, DurationTotals? responseTimes, DurationTotals? firstResponses, DurationTotals? durations, DurationTotals? timeBetween)
    {
        _counts = counts;
        ResponseTimes = responseTimes;
        FirstResponses = firstResponses;
        Durations = durations;
        TimeBetween = timeBetween;
    }

    /// <summary>Conversations.</summary>
    public long Conversations => _counts.Conversations;

    /// <summary>Messages.</summary>
    public long Messages => _counts.Messages;

    /// <summary>Customer messages.</summary>
    public long InboundMessages => _counts.Inbound;

    /// <summary>Outbound messages.</summary>
    public long OutboundMessages => _counts.Outbound;

    /// <summary>Outbound messages answered within the response window.</summary>
    public long Answered => _counts.Answered;

    /// <summary>Abandoned conversations.</summary>
    public long Abandoned => _counts.Abandoned;

    /// <summary>Total length of the customer messages, in characters.</summary>
    public long InboundLength => _counts.InboundLength;

    /// <summary>Customer questions.</summary>
    public long Questions => _counts.Questions;

    /// <summary>Conversations with customer text.</summary>
    public long ConversationsWithText => _counts.WithText;

    /// <summary>Conversations with a sentiment shift.</summary>
    public long SentimentShifts => _counts.Shifts;

    /// <summary>The sum of the sentiment shifts in units of 2⁻⁵².</summary>
    public Int128 SentimentShiftSum => _counts.ShiftSum;

    /// <summary>Conversations followed by the customer's next one within the repeat window.</summary>
    public long Repeats => _counts.Repeats;

    /// <summary>Customer response times, when kept.</summary>
    public DurationTotals? ResponseTimes { get; private set; }

    /// <summary>Agent first-response times, when kept.</summary>
    public DurationTotals? FirstResponses { get; private set; }

    /// <summary>Conversation durations, when kept.</summary>
    public DurationTotals? Durations { get; private set; }

    /// <summary>Times between a conversation and the customer's next one (repeats only), when kept.</summary>
    public DurationTotals? TimeBetween { get; private set; }

    internal ref readonly SignalCounts Counts => ref _counts;

    internal void Add(in ConversationFacts f, ReadOnlySpan<long> responseTimes, SignalDetail detail, double alpha)
    {
        _counts.Add(f);
        if (detail == SignalDetail.Counts)
        {
            return;
        }

        foreach (long t in responseTimes)
        {
            (ResponseTimes ??= new DurationTotals(alpha)).Add(t);
        }

        if (detail == SignalDetail.Full)
        {
            if (f.AgentFirst >= 0)
            {
                (FirstResponses ??= new DurationTotals(alpha)).Add(f.AgentFirst);
            }

            (Durations ??= new DurationTotals(alpha)).Add(f.End - f.Start);
        }
    }

    internal void AddRepeat(long gap, SignalDetail detail, double alpha)
    {
        _counts.Repeats++;
        if (detail == SignalDetail.Full)
        {
            (TimeBetween ??= new DurationTotals(alpha)).Add(gap);
        }
    }

    internal void Merge(SignalTotals other)
    {
        _counts.Merge(other._counts);
        ResponseTimes = Merge(ResponseTimes, other.ResponseTimes);
        FirstResponses = Merge(FirstResponses, other.FirstResponses);
        Durations = Merge(Durations, other.Durations);
        TimeBetween = Merge(TimeBetween, other.TimeBetween);
    }

    internal SignalTotals Clone()
    {
        var copy = new SignalTotals();
        copy.Merge(this);
        return copy;
    }

    internal ConversationSignals ToSignals(string key, long customers, long repeatedCustomers, ConversationOptions options) =>
        _counts.ToSignals(
            key,
            customers,
            repeatedCustomers,
            new GroupDurations(Result(ResponseTimes), Result(FirstResponses), Result(Durations), Result(TimeBetween)),
            options);

    private static DurationTotals? Merge(DurationTotals? mine, DurationTotals? other)
    {
        if (other is null)
        {
            return mine;
        }

        if (mine is null)
        {
            return other.Clone();
        }

        mine.Merge(other);
        return mine;
    }

    private static Service.DurationResult Result(DurationTotals? totals) => totals?.ToResult() ?? new Service.DurationResult(0, null, null, null, null, 0);

    private static void CheckPart(long part, long whole, string name)
    {
        if (part < 0 || part > whole)
        {
            throw new ArgumentOutOfRangeException(name, part, $"{name} must lie in [0, {whole}].");
        }
    }
}

// How much of a group the streaming accumulator keeps: counts only (a customer's channel), what the score needs
// (periods: counts and response times), or everything (overall, channels, customers).
internal enum SignalDetail
{
    Counts,
    Score,
    Full,
}

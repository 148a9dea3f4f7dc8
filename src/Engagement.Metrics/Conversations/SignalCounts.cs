using System.Runtime.InteropServices;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Conversations;

// The additive part of a group's signals. Every field is an integer sum, so adding conversations or merging groups
// gives the same totals in any order; the exact and the streaming groups add their durations around it.
[StructLayout(LayoutKind.Auto)]
internal struct SignalCounts
{
    // Sentiment shifts lie in [-2, 2]; summed as integers in units of 2^-52 their mean is independent of the order
    // conversations arrive or groups merge in, and the rounding (≤ 2^-53 per shift) is far below any reported digit.
    internal const double ShiftScale = 4503599627370496d;

    public long Conversations;
    public long Messages;
    public long Inbound;
    public long Outbound;
    public long Answered;
    public long Abandoned;
    public long InboundLength;
    public long Questions;
    public long WithText;
    public long Shifts;
    public Int128 ShiftSum;
    public long Repeats;

    public void Add(in ConversationFacts f)
    {
        Conversations++;
        Messages += f.Inbound + f.Outbound;
        Inbound += f.Inbound;
        Outbound += f.Outbound;
        Answered += f.Answered;
        InboundLength += f.InboundLength;
        Abandoned += f.Abandoned ? 1 : 0;
        if (f.Questions >= 0)
        {
            Questions += f.Questions;
            WithText++;
        }

        if (!double.IsNaN(f.Shift))
        {
            Shifts++;
            ShiftSum += (long)Math.Round(f.Shift * ShiftScale);
        }

        Repeats += f.Gap >= 0 ? 1 : 0;
    }

    public void Merge(in SignalCounts other)
    {
        Conversations += other.Conversations;
        Messages += other.Messages;
        Inbound += other.Inbound;
        Outbound += other.Outbound;
        Answered += other.Answered;
        Abandoned += other.Abandoned;
        InboundLength += other.InboundLength;
        Questions += other.Questions;
        WithText += other.WithText;
        Shifts += other.Shifts;
        ShiftSum += other.ShiftSum;
        Repeats += other.Repeats;
    }

    public readonly ConversationSignals ToSignals(
        string key, long customers, long repeatedCustomers, in GroupDurations durations, ConversationOptions options)
    {
        double level = options.ConfidenceLevel;
        var responseRate = new RateResult(Outbound, Answered, level);
        var abandonment = new RateResult(Conversations, Abandoned, level);
        var repeat = new RateResult(customers, repeatedCustomers, level);
        double? meanLength = Inbound > 0 ? (double)InboundLength / Inbound : null;
        double? questions = WithText > 0 ? (double)Questions / WithText : null;
        double? shift = Shifts > 0 ? (double)ShiftSum / Shifts / ShiftScale : null;
        EngagementScoreResult score = EngagementScore.Combine(
            responseRate.Value, durations.ResponseTime.Median, meanLength, questions, shift, abandonment.Value, repeat.Value, options.Score);
        return new ConversationSignals(
            key, Conversations, customers, Messages, Inbound, responseRate, durations.ResponseTime,
            durations.FirstResponse, durations.Duration, meanLength, questions, shift,
            abandonment, repeat, durations.TimeBetween, score);
    }
}

// The four duration summaries of a group, however they were collected.
internal readonly record struct GroupDurations(DurationResult ResponseTime, DurationResult FirstResponse, DurationResult Duration, DurationResult TimeBetween);

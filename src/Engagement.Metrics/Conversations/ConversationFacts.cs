using System.Runtime.InteropServices;

namespace Engagement.Metrics.Conversations;

// What one conversation contributes to every group it belongs to; times are ticks, -1 = none. Customer and Channel
// are indices into the caller's name tables (the streaming accumulator keeps the names instead and leaves them 0).
[StructLayout(LayoutKind.Auto)]
internal struct ConversationFacts
{
    public int Customer;
    public int Channel;
    public long Start;
    public long End;
    public int Inbound;
    public int Outbound;
    public int Answered;
    public long InboundLength;
    public int Questions;
    public double Shift;
    public long AgentFirst;
    public long Gap;
    public int ResponseOffset;
    public int ResponseCount;
    public bool Resolved;
    public bool EndsOutbound;
    public bool Abandoned;

    /// <summary>
    /// Measures one conversation from its time-sorted entries, appending its customer response times to
    /// <paramref name="times"/>. Abandonment needs the instant it is judged at, so it is left to <see cref="JudgeAbandonment"/>.
    /// </summary>
    public static ConversationFacts Measure(ReadOnlySpan<ConversationEntry> entries, List<long> times, long window)
    {
        var f = new ConversationFacts
        {
            Start = entries[0].Ticks,
            End = entries[^1].Ticks,
            EndsOutbound = !entries[^1].IsInbound,
            ResponseOffset = times.Count,
            AgentFirst = -1,
            Questions = -1,
            Gap = -1,
        };

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

        f.Answered = CountAnswered(entries, window);
        f.ResponseCount = times.Count - f.ResponseOffset;
        f.Shift = scored >= 2 ? SentimentShiftOf(entries, scored) : double.NaN;
        return f;
    }

    /// <summary>Abandoned: not resolved, the customer wrote, and the last message is outbound and older than the window at <paramref name="asOf"/>.</summary>
    public void JudgeAbandonment(long asOf, long window) =>
        Abandoned = !Resolved && Inbound > 0 && EndsOutbound && asOf - End > window;

    // An outbound message is answered when the customer's next message follows within the window.
    private static int CountAnswered(ReadOnlySpan<ConversationEntry> entries, long window)
    {
        int answered = 0;
        long nextInbound = long.MaxValue;
        for (int k = entries.Length - 1; k >= 0; k--)
        {
            if (entries[k].IsInbound)
            {
                nextInbound = entries[k].Ticks;
            }
            else if (nextInbound != long.MaxValue && nextInbound - entries[k].Ticks <= window)
            {
                answered++;
            }
        }

        return answered;
    }

    private static double SentimentShiftOf(ReadOnlySpan<ConversationEntry> entries, int scored)
    {
        Span<double> values = scored <= 64 ? stackalloc double[scored] : new double[scored];
        int v = 0;
        foreach (ConversationEntry e in entries)
        {
            if (e.IsInbound && !double.IsNaN(e.RawSentiment))
            {
                values[v++] = e.RawSentiment;
            }
        }

        return Sentiment.SentimentShift.Calculate(values).Shift ?? double.NaN;
    }
}

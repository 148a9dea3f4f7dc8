using System.Runtime.InteropServices;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

// What one conversation contributes to every group it belongs to; times are ticks, -1 = none.
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
    public bool Abandoned;
}

// Sums the facts of a group of conversations (overall, a channel, a customer, a period). Integer sums are exact and
// the lists are sorted or selected before use, so the result does not depend on the order conversations are added.
internal sealed class SignalGroup
{
    private readonly List<double> _responseTimes = [];
    private readonly List<double> _firstResponses = [];
    private readonly List<double> _durations = [];
    private readonly List<double> _gaps = [];
    private readonly List<double> _shifts = [];
    private readonly HashSet<int> _customers = [];
    private readonly HashSet<int> _repeatedCustomers = [];
    private long _conversations, _messages, _inbound, _outbound, _answered, _abandoned, _inboundLength, _questions, _withText;
    private long _responseTicks, _firstTicks, _durationTicks, _gapTicks;

    public void Add(in ConversationFacts f, ReadOnlySpan<long> responseTimes)
    {
        _conversations++;
        _messages += f.Inbound + f.Outbound;
        _inbound += f.Inbound;
        _outbound += f.Outbound;
        _answered += f.Answered;
        _inboundLength += f.InboundLength;
        _customers.Add(f.Customer);
        if (f.Abandoned)
        {
            _abandoned++;
        }

        if (f.Questions >= 0)
        {
            _questions += f.Questions;
            _withText++;
        }

        if (!double.IsNaN(f.Shift))
        {
            _shifts.Add(f.Shift);
        }

        foreach (long t in responseTimes)
        {
            _responseTicks += t;
            _responseTimes.Add((double)t / TimeSpan.TicksPerSecond);
        }

        if (f.AgentFirst >= 0)
        {
            _firstTicks += f.AgentFirst;
            _firstResponses.Add((double)f.AgentFirst / TimeSpan.TicksPerSecond);
        }

        _durationTicks += f.End - f.Start;
        _durations.Add((double)(f.End - f.Start) / TimeSpan.TicksPerSecond);
        if (f.Gap >= 0)
        {
            _gapTicks += f.Gap;
            _gaps.Add((double)f.Gap / TimeSpan.TicksPerSecond);
            _repeatedCustomers.Add(f.Customer);
        }
    }

    public ConversationSignals ToSignals(string key, ConversationOptions options)
    {
        double level = options.ConfidenceLevel;
        var responseRate = new RateResult(_outbound, _answered, level);
        DurationResult responseTime = Durations(_responseTimes, _responseTicks);
        var abandonment = new RateResult(_conversations, _abandoned, level);
        var repeat = new RateResult(_customers.Count, _repeatedCustomers.Count, level);
        double? meanLength = _inbound > 0 ? (double)_inboundLength / _inbound : null;
        double? questions = _withText > 0 ? (double)_questions / _withText : null;
        double? shift = null;
        if (_shifts.Count > 0)
        {
            Span<double> shifts = CollectionsMarshal.AsSpan(_shifts);
            shifts.Sort();
            double sum = 0;
            foreach (double s in shifts)
            {
                sum += s;
            }

            shift = sum / shifts.Length;
        }

        EngagementScoreResult score = EngagementScore.Combine(
            responseRate.Value, responseTime.Median, meanLength, questions, shift, abandonment.Value, repeat.Value, options.Score);
        return new ConversationSignals(
            key, _conversations, _customers.Count, _messages, _inbound, responseRate, responseTime,
            Durations(_firstResponses, _firstTicks), Durations(_durations, _durationTicks), meanLength, questions, shift,
            abandonment, repeat, Durations(_gaps, _gapTicks), score);
    }

    private static DurationResult Durations(List<double> seconds, long sumTicks)
    {
        int n = seconds.Count;
        if (n == 0)
        {
            return new DurationResult(0, null, null, null, null, 0);
        }

        Span<double> values = CollectionsMarshal.AsSpan(seconds);
        double median = Quantiles.QuantileInPlace(values, 0.5);
        double p90 = Quantiles.QuantileInPlace(values, 0.9);
        return new DurationResult(n, (double)sumTicks / n / TimeSpan.TicksPerSecond, median, p90, null, 0);
    }
}

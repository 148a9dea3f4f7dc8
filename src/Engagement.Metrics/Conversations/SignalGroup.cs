using System.Runtime.InteropServices;
using Engagement.Metrics.Service;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

// The exact group of ConversationAccumulator (overall, a channel, a customer, a period): integer counts plus every
// duration, whose lists are selected in place when a result is made, so the result does not depend on the order
// conversations are added.
internal sealed class SignalGroup
{
    private readonly ExactDurations _responseTimes = new();
    private readonly ExactDurations _firstResponses = new();
    private readonly ExactDurations _durations = new();
    private readonly ExactDurations _gaps = new();
    private readonly HashSet<int> _customers = [];
    private readonly HashSet<int> _repeatedCustomers = [];
    private SignalCounts _counts;

    public void Add(in ConversationFacts f, ReadOnlySpan<long> responseTimes)
    {
        _counts.Add(f);
        _customers.Add(f.Customer);
        foreach (long t in responseTimes)
        {
            _responseTimes.Add(t);
        }

        if (f.AgentFirst >= 0)
        {
            _firstResponses.Add(f.AgentFirst);
        }

        _durations.Add(f.End - f.Start);
        if (f.Gap >= 0)
        {
            _gaps.Add(f.Gap);
            _repeatedCustomers.Add(f.Customer);
        }
    }

    public ConversationSignals ToSignals(string key, ConversationOptions options) =>
        _counts.ToSignals(
            key,
            _customers.Count,
            _repeatedCustomers.Count,
            new GroupDurations(_responseTimes.ToResult(), _firstResponses.ToResult(), _durations.ToResult(), _gaps.ToResult()),
            options);

    // Every duration in seconds (for exact quantiles) and their exact sum in ticks (for the mean).
    private sealed class ExactDurations
    {
        private readonly List<double> _seconds = [];
        private long _ticks;

        public void Add(long ticks)
        {
            _ticks += ticks;
            _seconds.Add((double)ticks / TimeSpan.TicksPerSecond);
        }

        public DurationResult ToResult()
        {
            int n = _seconds.Count;
            if (n == 0)
            {
                return new DurationResult(0, null, null, null, null, 0);
            }

            Span<double> values = CollectionsMarshal.AsSpan(_seconds);
            double median = Quantiles.QuantileInPlace(values, 0.5);
            double p90 = Quantiles.QuantileInPlace(values, 0.9);
            return new DurationResult(n, (double)_ticks / n / TimeSpan.TicksPerSecond, median, p90, null, 0);
        }
    }
}

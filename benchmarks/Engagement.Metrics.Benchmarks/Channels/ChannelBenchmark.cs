using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Channels;
using Engagement.Metrics.Benchmarks.Service;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Benchmarks.Channels;

/// <summary>
/// The channel KPIs (mix, per-channel resolution and AHT, digitalisation, escalation, switching, repeat-yourself)
/// through <see cref="ChannelAccumulator"/> (validate, one ServiceAccumulator per channel, one visit per contact, then
/// an O(n log n) journey pass), against the LINQ a report script would contain (GroupBy per channel, GroupBy per
/// customer and reason with nested Any over each group). Customers = n/4, five reasons, contacts spread over 30 days.
/// </summary>
[MemoryDiagnoser]
public class ChannelBenchmark
{
    private static readonly string[] ChannelNames = ["voice", "voice", "voice", "chat", "email", "ivr", "app"];
    private static readonly TimeSpan Window = ChannelOptions.Default.Window;
    private ContactRecord[] _contacts = [];

    [Params(10_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _contacts = BenchmarkContacts.Generate(Count, ChannelNames, static (random, c) => c with
        {
            SelfService = c.Channel == "ivr",
            Talk = c.Channel == "ivr" ? TimeSpan.Zero : TimeSpan.FromSeconds(random.Next(30, 900)),
            Wrap = c.Channel == "ivr" ? TimeSpan.Zero : TimeSpan.FromSeconds(random.Next(10, 120)),
        });

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        ContactRecord[] contacts = _contacts;
        var kinds = ChannelOptions.Default.Catalogue;
        ChannelKind Kind(ContactRecord c) => c.SelfService ? ChannelKind.SelfService : kinds[c.Channel];
        double sum = 0;
        foreach (var channel in contacts.GroupBy(c => c.Channel))
        {
            var handled = channel.Where(c => c.IsHandled).ToList();
            sum += (double)channel.Count() / contacts.Length;
            sum += handled.Count == 0 ? 0 : handled.Count(c => c.Resolved) / (double)handled.Count;
            sum += handled.Count == 0 ? 0 : handled.Average(c => c.HandleTime.TotalSeconds);
        }

        sum += contacts.Count(c => Kind(c) != ChannelKind.Assisted) / (double)contacts.Length;
        int switched = 0, repeated = 0, escalated = 0;
        foreach (var journey in contacts.GroupBy(c => (c.CustomerId, c.Reason)))
        {
            var list = journey.ToList();
            foreach (ContactRecord a in list)
            {
                switched += list.Any(b => b.Channel != a.Channel && b.QueuedAt > a.QueuedAt && b.QueuedAt - a.QueuedAt <= Window) ? 1 : 0;
                repeated += list.Any(b => b.Channel != a.Channel && b.QueuedAt < a.QueuedAt && a.QueuedAt - b.QueuedAt <= Window) ? 1 : 0;
                escalated += Kind(a) != ChannelKind.Assisted && list.Any(b => Kind(b) == ChannelKind.Assisted && b.QueuedAt >= a.QueuedAt && b.QueuedAt - a.QueuedAt <= Window) ? 1 : 0;
            }
        }

        return sum + switched + repeated + escalated;
    }

    [Benchmark]
    public double Accumulator()
    {
        var accumulator = new ChannelAccumulator();
        accumulator.AddRange(_contacts);
        ChannelResult r = accumulator.ToResult();
        return r.Digitalisation.Value!.Value + r.Switching.Successes + r.RepeatOnOtherChannel.Successes + r.Escalation.Successes;
    }
}

using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Campaigns;

namespace Engagement.Metrics.Benchmarks.Campaigns;

/// <summary>
/// The campaign funnel (seven counters, validated) and frequency versus engagement (one entry per customer, buckets and
/// trend tests) through <see cref="FunnelAccumulator"/> and <see cref="SendFrequencyAccumulator"/>, against the LINQ a
/// report script would contain (Count per stage, GroupBy customer). Customers = n/8, three channels, four weeks.
/// </summary>
[MemoryDiagnoser]
public class FunnelBenchmark
{
    private CampaignSend[] _sends = [];

    [Params(10_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] channels = ["email", "sms", "push"];
        string[] customers = Enumerable.Range(0, Math.Max(1, Count / 8)).Select(i => "C" + i).ToArray();
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        _sends = new CampaignSend[Count];
        for (int i = 0; i < Count; i++)
        {
            bool delivered = random.NextDouble() < 0.96;
            _sends[i] = new CampaignSend
            {
                SendId = "S" + i, CampaignId = "K" + random.Next(3), CustomerId = customers[random.Next(customers.Length)],
                Channel = channels[random.Next(3)], SentAt = start.AddMinutes(random.Next(28 * 24 * 60)), Delivered = delivered,
                Opened = delivered && random.NextDouble() < 0.4, Clicked = delivered && random.NextDouble() < 0.06,
                Replied = delivered && random.NextDouble() < 0.02, Unsubscribed = delivered && random.NextDouble() < 0.003,
            };
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        CampaignSend[] s = _sends;
        double delivered = s.Count(x => x.Delivered);
        double sum = delivered / s.Length + s.Count(x => x.Opened || x.Clicked || x.Replied) / delivered
            + s.Count(x => x.Clicked) / delivered + s.Count(x => x.Replied) / delivered + s.Count(x => x.Unsubscribed) / delivered;
        double weeks = (s.Max(x => x.SentAt) - s.Min(x => x.SentAt)).TotalDays / 7;
        foreach (var bucket in s.GroupBy(x => x.CustomerId)
            .Select(g => new { PerWeek = g.Count() / weeks, Unsubscribed = g.Any(x => x.Unsubscribed) })
            .GroupBy(c => Math.Min(5, (int)c.PerWeek)))
        {
            sum += bucket.Count(c => c.Unsubscribed) / (double)bucket.Count();
        }

        return sum;
    }

    [Benchmark]
    public double Accumulators()
    {
        var funnel = new FunnelAccumulator();
        funnel.AddRange(_sends);
        var frequency = new SendFrequencyAccumulator();
        frequency.AddRange(_sends);
        FunnelResult f = funnel.ToResult();
        SendFrequencyResult r = frequency.ToResult();
        return f.ClickRate.Value!.Value + (r.UnsubscribeTrend.Statistic ?? 0);
    }
}

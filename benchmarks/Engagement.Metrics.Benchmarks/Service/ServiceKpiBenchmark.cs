using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Benchmarks.Service;

/// <summary>
/// The single-pass contact-centre KPI set (FCR flag, AHT with components and median/p90, ASA with median/p90,
/// service level, abandonment, escalation, asynchronous response times) over a pre-built array of contacts,
/// against the LINQ code a report script would contain; plus the repeat-contact pass (FCR from repeats and
/// containment), which keeps one visit per contact and sorts.
/// Target (issue #4): ≥ 20 × 10⁶ contacts/s for the single-pass set, memory independent of n apart from the sketches.
/// </summary>
[MemoryDiagnoser]
public class ServiceKpiBenchmark
{
    private static readonly string[] Channels = ["voice", "voice", "voice", "chat", "email", "ivr"];
    private static readonly ServiceOptions NoPercentiles = new() { Percentiles = false };
    private ContactRecord[] _contacts = [];

    [Params(1_000, 100_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _contacts = BenchmarkContacts.Generate(Count, Channels, Complete);

    /// <summary>Escalations, abandons, self-service (ivr), assisted durations and asynchronous (email) timestamps.</summary>
    private static ContactRecord Complete(Random random, ContactRecord c)
    {
        c = c with { Escalated = random.Next(10) == 0 };
        int kind = random.Next(10);
        DateTimeOffset queued = c.QueuedAt;
        if (c.Channel == "ivr")
        {
            return c with { SelfService = true, EndedAt = queued.AddSeconds(random.Next(30, 400)) };
        }

        if (kind == 0 && c.Channel != "email")
        {
            return c with { Abandoned = true, Resolved = false, EndedAt = queued.AddSeconds(random.Next(0, 180)) };
        }

        c = c with
        {
            Talk = TimeSpan.FromSeconds(random.Next(30, 900)),
            Hold = TimeSpan.FromSeconds(random.Next(0, 90)),
            Conference = TimeSpan.FromSeconds(random.Next(8) == 0 ? random.Next(0, 240) : 0),
            Wrap = TimeSpan.FromSeconds(random.Next(10, 120)),
        };
        if (c.Channel == "email")
        {
            DateTimeOffset first = queued.AddMinutes(random.Next(5, 36 * 60));
            return c with { FirstResponseAt = first, ResolvedAt = first.AddHours(random.Next(0, 96)) };
        }

        DateTimeOffset answered = queued.AddSeconds(random.Next(0, 120));
        return c with { AnsweredAt = answered, EndedAt = answered + c.Talk + c.Hold + c.Conference };
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        // What a report script does: one LINQ query per KPI, sorting for each percentile.
        ContactRecord[] c = _contacts;
        if (c.Any(x => x.Talk < TimeSpan.Zero || x.Hold < TimeSpan.Zero || x.Conference < TimeSpan.Zero || x.Wrap < TimeSpan.Zero
            || (x.AnsweredAt is { } a && (a < x.QueuedAt || x.Abandoned)) || (x.EndedAt < (x.AnsweredAt ?? x.QueuedAt))))
        {
            throw new InvalidOperationException("bad contact");
        }

        var handled = c.Where(x => !x.Abandoned && !x.SelfService).ToList();
        double fcr = handled.Count(x => x.Resolved) / (double)handled.Count;
        double escalation = handled.Count(x => x.Escalated) / (double)handled.Count;
        double talk = handled.Average(x => x.Talk.TotalSeconds);
        double hold = handled.Average(x => x.Hold.TotalSeconds);
        double conference = handled.Average(x => x.Conference.TotalSeconds);
        double wrap = handled.Average(x => x.Wrap.TotalSeconds);
        double[] handle = handled.Select(x => x.HandleTime.TotalSeconds).OrderBy(x => x).ToArray();
        double[] waits = c.Where(x => x.AnsweredAt is not null).Select(x => (x.AnsweredAt!.Value - x.QueuedAt).TotalSeconds).OrderBy(x => x).ToArray();
        int longAbandons = c.Count(x => x.Abandoned && !(x.EndedAt is { } e && (e - x.QueuedAt).TotalSeconds < 5));
        double serviceLevel = waits.Count(w => w <= 20) / (double)(waits.Length + longAbandons);
        double abandonment = longAbandons / (double)(waits.Length + longAbandons);
        double[] first = c.Where(x => x.FirstResponseAt is not null).Select(x => (x.FirstResponseAt!.Value - x.QueuedAt).TotalSeconds).OrderBy(x => x).ToArray();
        double[] resolution = c.Where(x => x.ResolvedAt is not null).Select(x => (x.ResolvedAt!.Value - x.QueuedAt).TotalSeconds).OrderBy(x => x).ToArray();
        return fcr + escalation + talk + hold + conference + wrap + serviceLevel + abandonment + waits.Average()
            + Percentile(handle, 0.5) + Percentile(handle, 0.9) + Percentile(waits, 0.5) + Percentile(waits, 0.9)
            + first.Average() + Percentile(first, 0.5) + Percentile(first, 0.9) + first.Count(f => f <= 86_400)
            + resolution.Average() + Percentile(resolution, 0.5) + Percentile(resolution, 0.9);
    }

    [Benchmark]
    public double SinglePass()
    {
        ServiceResult r = ServiceKpis.Calculate(_contacts);
        return r.Fcr.Value!.Value + r.Aht.Value!.Value + r.Aht.P90!.Value + r.Asa.Median!.Value + r.ServiceLevel.Value!.Value + r.FirstResponse.P90!.Value;
    }

    [Benchmark]
    public double SinglePassNoPercentiles()
    {
        // The same pass with ServiceOptions.Percentiles = false: no sketch inserts, medians and p90s null.
        ServiceResult r = ServiceKpis.Calculate(_contacts, NoPercentiles);
        return r.Fcr.Value!.Value + r.Aht.Value!.Value + r.Asa.Value!.Value + r.ServiceLevel.Value!.Value + r.FirstResponse.Value!.Value;
    }

    [Benchmark]
    public double RepeatContacts()
    {
        RepeatContactResult r = ServiceKpis.CalculateRepeatContacts(_contacts);
        return r.Fcr.Value!.Value + r.Containment.Value!.Value;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Floor(p * (sorted.Length - 1))];
}

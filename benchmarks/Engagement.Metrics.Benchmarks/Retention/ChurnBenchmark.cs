using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Benchmarks.Retention;

/// <summary>
/// Churn counts of one quarter over a customer base: the one-pass, branch-light span tally against a naive LINQ
/// version that filters the records once per count (start, acquired, lost, customer-days).
/// </summary>
[MemoryDiagnoser]
public class ChurnBenchmark
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 4, 1);
    private CustomerRecord[] _customers = [];

    [Params(1_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _customers = RetentionBenchmarkData.Customers(Count);

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        var atStart = _customers.Where(c => c.Start < From && (c.End is null || c.End >= From)).ToList();
        int lostFromStart = atStart.Count(c => c.End is DateOnly e && e < To);
        int acquired = _customers.Count(c => c.Start >= From && c.Start < To);
        int lost = _customers.Count(c => c.End is DateOnly e && e >= From && e < To);
        long days = _customers.Sum(c => (long)Math.Max(0, Math.Min((c.End ?? DateOnly.MaxValue).DayNumber, To.DayNumber) - Math.Max(c.Start.DayNumber, From.DayNumber)));
        return (double)lostFromStart / atStart.Count + acquired + ((double)lost / days);
    }

    [Benchmark]
    public double Calculate()
    {
        ChurnResult r = Churn.Calculate(_customers, From, To, ChurnMethod.Predictive);
        return r.SimpleRate!.Value + r.Acquired + r.DailyRate!.Value;
    }
}

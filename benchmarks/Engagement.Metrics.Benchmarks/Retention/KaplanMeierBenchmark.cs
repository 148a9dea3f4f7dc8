using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Benchmarks.Retention;

/// <summary>
/// Kaplan–Meier over customer lifetimes in days: the counting-table estimator (O(n + max days), no sort) from
/// durations and from customer records (which adds the date → duration pass), against a naive LINQ
/// OrderBy/GroupBy product-limit estimator. Target (issue 7): 10⁶ customers under 200 ms single-threaded.
/// </summary>
[MemoryDiagnoser]
public class KaplanMeierBenchmark
{
    private CustomerRecord[] _customers = [];
    private int[] _durations = [];
    private bool[] _observed = [];

    [Params(1_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _customers = RetentionBenchmarkData.Customers(Count);
        _durations = new int[Count];
        _observed = new bool[Count];
        KaplanMeier.ToDurations(_customers, RetentionBenchmarkData.AsOf, _durations, _observed);
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        var steps = _durations.Zip(_observed)
            .GroupBy(x => x.First)
            .OrderBy(g => g.Key)
            .Select(g => (Time: g.Key, Events: g.Count(x => x.Second), Total: g.Count()))
            .ToList();
        double survival = 1;
        long atRisk = _durations.Length;
        var curve = new List<(int Time, double Survival)>();
        foreach ((int time, int events, int total) in steps)
        {
            survival *= 1 - ((double)events / atRisk);
            curve.Add((time, survival));
            atRisk -= total;
        }

        return curve[^1].Survival;
    }

    [Benchmark]
    public double FromDurations() => KaplanMeier.Estimate(_durations, _observed).Points[^1].Survival;

    [Benchmark]
    public double FromCustomers() => KaplanMeier.Estimate(_customers, RetentionBenchmarkData.AsOf).Points[^1].Survival;
}

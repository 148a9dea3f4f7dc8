using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Benchmarks.Surveys;

/// <summary>
/// CSAT over 1–5 byte scores: the vectorised full-histogram kernel (shared with CES) against a naive LINQ report
/// that validates, takes the top-2-box share and the mean and variance.
/// </summary>
[MemoryDiagnoser]
public class CsatBenchmark
{
    private byte[] _scores = [];

    [Params(1_000, 6 * 512 + 7, 100_000, 10_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        _scores = new byte[Count];
        for (int i = 0; i < Count; i++)
        {
            _scores[i] = (byte)random.Next(1, 6);
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        if (_scores.Any(s => s is < 1 or > 5))
        {
            throw new InvalidOperationException("score out of range");
        }

        double satisfied = 100.0 * _scores.Count(s => s >= 4) / _scores.Length;
        double mean = _scores.Average(s => (double)s);
        double variance = _scores.Sum(s => (s - mean) * (s - mean)) / (_scores.Length - 1);
        return satisfied + mean + variance;
    }

    [Benchmark]
    public double ByteSpan()
    {
        CsatResult r = CustomerSatisfaction.Calculate(_scores);
        return r.Score!.Value + r.Mean!.Value + r.Distribution.Variance!.Value;
    }
}

using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Benchmarks.Statistics;

/// <summary>
/// The 90th percentile of N log-normal response times: introselect on a pooled copy (<see cref="Quantiles"/>) against
/// the naive LINQ sort, plus the streaming <see cref="QuantileSketch"/> for scale. Must not regress: Ratio well below
/// 1 for N ≥ 1 000, and Allocated = 0 B on the <see cref="Quantiles.Quantile"/> path once the pool is warm.
/// </summary>
[MemoryDiagnoser]
public class QuantileBenchmark
{
    private const double Probability = 0.9;
    private double[] _values = [];

    [Params(1_000, 6 * 512 + 7, 100_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        _values = new double[N];
        for (int i = 0; i < _values.Length; i++)
        {
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            _values[i] = 0.2 * Math.Exp(1.2 * z);
        }
    }

    [Benchmark(Baseline = true)]
    public double LinqOrderBy()
    {
        double[] sorted = _values.OrderBy(v => v).ToArray();
        double h = (sorted.Length - 1) * Probability;
        int j = (int)Math.Floor(h);
        return j + 1 < sorted.Length ? sorted[j] + ((h - j) * (sorted[j + 1] - sorted[j])) : sorted[j];
    }

    [Benchmark]
    public double Introselect() => Quantiles.Quantile(_values, Probability);

    [Benchmark]
    public double? Sketch()
    {
        var sketch = new QuantileSketch(0.01);
        sketch.AddRange(_values);
        return sketch.Quantile(Probability);
    }
}

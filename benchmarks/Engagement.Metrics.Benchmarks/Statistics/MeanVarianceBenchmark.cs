using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Benchmarks.Statistics;

/// <summary>
/// Sample variance of N values: <see cref="MeanVarianceAccumulator.AddRange"/> (vectorised corrected two-pass, then a
/// Chan merge) against LINQ Average plus a second pass, and Welford one value at a time. Must not regress: Ratio
/// below 1 for every N, and Allocated a constant few dozen bytes (the accumulator object) independent of N.
/// </summary>
[MemoryDiagnoser]
public class MeanVarianceBenchmark
{
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
            _values[i] = 1_000 + (random.NextDouble() * 50);
        }
    }

    [Benchmark(Baseline = true)]
    public double LinqTwoPass()
    {
        double mean = _values.Average();
        return _values.Sum(v => (v - mean) * (v - mean)) / (_values.Length - 1);
    }

    [Benchmark]
    public double? AccumulatorAddRange()
    {
        var accumulator = new MeanVarianceAccumulator();
        accumulator.AddRange(_values);
        return accumulator.ToResult().Variance;
    }

    [Benchmark]
    public double? AccumulatorAddOneByOne()
    {
        var accumulator = new MeanVarianceAccumulator();
        foreach (double value in _values)
        {
            accumulator.Add(value);
        }

        return accumulator.ToResult().Variance;
    }
}

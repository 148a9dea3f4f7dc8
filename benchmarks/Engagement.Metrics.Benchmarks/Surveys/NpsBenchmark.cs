using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Benchmarks.Surveys;

/// <summary>
/// NPS over byte scores: the vectorised span calculator against the naive LINQ code people write by hand.
/// Target (issue #3): ≥ 2 × 10⁹ scores/s on 10⁷ scores, 0 B allocated, naive baseline ≥ 100× slower.
/// </summary>
[MemoryDiagnoser]
public class NpsBenchmark
{
    private byte[] _bytes = [];
    private int[] _ints = [];

    [Params(1_000, 6 * 512 + 7, 100_000, 10_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        _bytes = new byte[Count];
        for (int i = 0; i < Count; i++)
        {
            _bytes[i] = (byte)random.Next(0, 11);
        }

        _ints = Array.ConvertAll(_bytes, b => (int)b);
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        // What a hand-written report does: validate, then count each band with its own pass.
        if (_bytes.Any(s => s > 10))
        {
            throw new InvalidOperationException("score out of range");
        }

        double promoters = _bytes.Count(s => s >= 9);
        double detractors = _bytes.Count(s => s <= 6);
        return 100 * (promoters - detractors) / _bytes.Length;
    }

    [Benchmark]
    public double? ByteSpan() => NetPromoterScore.Calculate(_bytes).Score;

    [Benchmark]
    public double? IntSpan() => NetPromoterScore.Calculate(_ints).Score;
}

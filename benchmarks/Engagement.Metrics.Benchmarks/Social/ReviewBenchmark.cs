using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Social.Reviews;

namespace Engagement.Metrics.Benchmarks.Social;

/// <summary>
/// Review metrics: the exact span calculator (one pass plus an introselect median on a pooled buffer) and the
/// streaming accumulator (quantile sketch) against a naive LINQ report (one query per metric, a sort for the median).
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmark
{
    private Review[] _reviews = [];

    [Params(1_000, 1_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        string[] sources = ["google", "trustpilot", "appstore"];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _reviews = new Review[Count];
        for (int i = 0; i < Count; i++)
        {
            DateTimeOffset published = start.AddMinutes(i);
            _reviews[i] = new Review($"r{i}", sources[i % 3], random.Next(1, 6), 5, published)
            {
                RespondedAt = random.NextDouble() < 0.6 ? published.AddMinutes(random.Next(1, 5_000)) : null,
                Sentiment = i % 4 == 0 ? null : (random.NextDouble() * 2) - 1,
            };
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        if (_reviews.Any(r => r.Rating < 1 || r.Rating > r.ScaleMaximum || r.RespondedAt < r.PublishedAt))
        {
            throw new InvalidOperationException("bad review");
        }

        double average = _reviews.Average(r => r.Rating);
        double bayesian = (_reviews.Sum(r => r.Rating) + (5 * 3.0)) / (_reviews.Length + 5);
        long[] distribution = Enumerable.Range(1, 5).Select(k => (long)_reviews.Count(r => Math.Round(r.Rating) == k)).ToArray();
        double responseRate = _reviews.Count(r => r.RespondedAt.HasValue) / (double)_reviews.Length;
        var negative = _reviews.Where(r => r.Rating <= 2).ToList();
        double negativeRate = negative.Count(r => r.RespondedAt.HasValue) / (double)negative.Count;
        double[] waits = _reviews.Where(r => r.RespondedAt.HasValue).Select(r => (r.RespondedAt!.Value - r.PublishedAt).TotalMinutes).Order().ToArray();
        double median = waits.Length % 2 == 1 ? waits[waits.Length / 2] : (waits[(waits.Length / 2) - 1] + waits[waits.Length / 2]) / 2;
        double within = waits.Count(w => w <= 60) / (double)waits.Length;
        double sentiment = _reviews.Where(r => r.Sentiment.HasValue).Average(r => r.Sentiment!.Value);
        return average + bayesian + distribution[0] + responseRate + negativeRate + median + within + sentiment;
    }

    [Benchmark]
    public double Span()
    {
        ReviewResult r = ReviewMetrics.Calculate(_reviews);
        return r.AverageRating!.Value + r.BayesianAverage!.Value + r.Distribution[0] + r.ResponseRate!.Value +
               r.NegativeResponseRate!.Value + r.MedianResponseMinutes!.Value + r.ShareRespondedWithinTarget!.Value + r.MeanSentiment!.Value;
    }

    [Benchmark]
    public double Accumulator()
    {
        var accumulator = new ReviewAccumulator();
        accumulator.AddRange(_reviews);
        return accumulator.ToResult().MedianResponseMinutes!.Value;
    }
}

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Surveys;
using Orleans.TestingHost;

namespace Engagement.Metrics.Orleans.Benchmarks;

/// <summary>
/// Ingest throughput of NPS responses: an in-process two-silo Orleans cluster (pre-aggregating workers, day grains,
/// memory grain storage, acknowledgement after the write) against the naive baseline of one in-process accumulator
/// per (segment, day). Time is per event (<c>OperationsPerInvoke</c>), so events/s = 1 s / Mean.
/// <see cref="Days"/> sets the fan-out: with 1 day (live traffic) a batch touches 4 day grains, with 30 days
/// (a backfill) up to 120.
/// </summary>
[MemoryDiagnoser]
public class ClusterIngestBenchmark
{
    private const int Events = 100_000;
    private static readonly string[] Segments = ["chat", "voice", "email", "web"];
    private readonly MetricEvent<SurveyResponse>[] _events = new MetricEvent<SurveyResponse>[Events];
    private TestCluster _cluster = null!;

    [Params(1_000)]
    public int BatchSize { get; set; }

    [Params(8)]
    public int Producers { get; set; }

    [Params(1, 30)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        var first = new DateOnly(2026, 11, 1);
        for (int i = 0; i < Events; i++)
        {
            _events[i] = new MetricEvent<SurveyResponse>(Segments[random.Next(Segments.Length)], first.AddDays(random.Next(Days)), new SurveyResponse(random.Next(11)));
        }

        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<BenchmarkSiloConfigurator>();
        _cluster = builder.Build();
        _cluster.Deploy();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cluster.StopAllSilos();
        _cluster.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long SingleAccumulator()
    {
        var days = new Dictionary<(string, DateOnly), NpsAccumulator>();
        foreach (MetricEvent<SurveyResponse> e in _events)
        {
            if (!days.TryGetValue((e.Segment, e.Date), out NpsAccumulator? acc))
            {
                acc = new NpsAccumulator();
                days.Add((e.Segment, e.Date), acc);
            }

            acc.Add(e.Value.Score, e.Value.Weight);
        }

        return days.Count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> Cluster()
    {
        // Fresh batch ids every invocation: repeated ids would be (correctly) ignored as duplicates.
        var batches = new MetricBatch<SurveyResponse>[Events / BatchSize];
        for (int b = 0; b < batches.Length; b++)
        {
            batches[b] = new MetricBatch<SurveyResponse>(Guid.NewGuid(), "bench", SurveyMetrics.NpsName, ImmutableArray.Create(_events, b * BatchSize, BatchSize));
        }

        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Producers }, async (batch, _) => await _cluster.Client.IngestAsync(batch));
        return batches.Length;
    }
}

public sealed class BenchmarkSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder
            .AddMemoryGrainStorage(EngagementMetricsSiloBuilderExtensions.StorageName)
            .AddEngagementMetrics(o =>
            {
                o.AddSurveyMetrics();
                o.MaxAppliedBatchIds = 1_000; // benchmarks replay millions of batches into the same day grains
            });
}

using System.Collections.Concurrent;
using Engagement.Metrics.Surveys;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>A silo dies while batches are in flight; producers retry what was not acknowledged.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_silo_mid_ingest_loses_no_acknowledged_batch_and_counts_none_twice()
    {
        TestCluster cluster = await Clusters.StartAsync<SiloConfigurator>(3);
        try
        {
            var firstDay = new DateOnly(2026, 11, 25);
            MetricEvent<SurveyResponse>[] events = SurveyEvents.Generate(51, 12_000, firstDay, 10, 0, 10, weighted: false);
            List<MetricBatch<SurveyResponse>> batches = SurveyEvents.Batches(events, "kill", SurveyMetrics.NpsName, 51, 100);
            var acknowledged = new ConcurrentDictionary<Guid, bool>();
            int failures = 0;
            var killAfter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            Task producers = Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (batch, _) =>
            {
                // A producer keeps a batch until it is acknowledged and resends it unchanged (same id) on any failure.
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        await cluster.Client.IngestAsync(batch);
                        break;
                    }
                    catch (Exception) when (attempt < 50)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(100, CancellationToken.None);
                    }
                }

                acknowledged[batch.BatchId] = true;
                if (acknowledged.Count == batches.Count / 3)
                {
                    killAfter.SetResult();
                }
            });

            await killAfter.Task;
            SiloHandle victim = cluster.SecondarySilos[0];
            await cluster.KillSiloAsync(victim);
            await producers;
            output.WriteLine($"{batches.Count} batches, {failures} failed attempts retried after killing {victim.SiloAddress}");

            // An over-cautious producer resends everything once more: nothing may be counted twice.
            foreach (MetricBatch<SurveyResponse> batch in batches)
            {
                await cluster.Client.IngestAsync(batch);
            }

            Assert.Equal(batches.Count, acknowledged.Count);
            foreach (MetricWindow window in SurveyEvents.Windows(firstDay, 10))
            {
                NpsAccumulator expected = SurveyEvents.Reference(new NpsAccumulator(), events, SurveyEvents.Segments, window);
                NpsAccumulator actual = await cluster.Client.GetAccumulatorAsync(SurveyMetrics.Nps(), "kill", SurveyEvents.Segments, window);
                Assert.Equal(expected.ToResult(), actual.ToResult());
                Assert.Equal(SurveyMetrics.Nps().Serialize(expected), SurveyMetrics.Nps().Serialize(actual));
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}

using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Orleans.Tests;

[Collection(ClusterTests.Name)]
public sealed class ClusterAggregationTests(ClusterFixture fixture)
{
    private static readonly DateOnly FirstDay = new(2026, 11, 20);
    private const int Days = 45; // 20 Nov 2026 .. 3 Jan 2027: three months, an ISO week across a month end and one across the year end

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task Nps_totals_for_every_day_week_and_month_equal_one_accumulator(int seed, bool weighted)
    {
        string tenant = $"nps-{seed}";
        MetricEvent<SurveyResponse>[] events = SurveyEvents.Generate(seed, 6000, FirstDay, Days, 0, 10, weighted);
        await IngestConcurrentlyAsync(SurveyEvents.Batches(events, tenant, SurveyMetrics.NpsName, seed, 300));

        await AssertEveryWindowMatchesAsync(SurveyMetrics.Nps(), new NpsAccumulator(), tenant, events);
    }

    [Fact]
    public async Task Csat_and_ces_totals_equal_one_accumulator()
    {
        MetricEvent<SurveyResponse>[] csat = SurveyEvents.Generate(11, 2500, FirstDay, Days, 1, 5, weighted: false);
        MetricEvent<SurveyResponse>[] ces = SurveyEvents.Generate(12, 2500, FirstDay, Days, 1, 7, weighted: true);
        await Task.WhenAll(
            IngestConcurrentlyAsync(SurveyEvents.Batches(csat, "csat", SurveyMetrics.CsatName, 11, 200)),
            IngestConcurrentlyAsync(SurveyEvents.Batches(ces, "ces", SurveyMetrics.CesName, 12, 200)));

        await AssertEveryWindowMatchesAsync(SurveyMetrics.Csat(), new CsatAccumulator(), "csat", csat);
        await AssertEveryWindowMatchesAsync(SurveyMetrics.Ces(), new CesAccumulator(), "ces", ces);
    }

    [Fact]
    public async Task A_retried_or_duplicated_batch_is_counted_once()
    {
        MetricEvent<SurveyResponse>[] events = SurveyEvents.Generate(21, 400, FirstDay, 3, 0, 10, weighted: false);
        List<MetricBatch<SurveyResponse>> batches = SurveyEvents.Batches(events, "retry", SurveyMetrics.NpsName, 21, 50);
        await IngestConcurrentlyAsync(batches);

        // Redeliver every batch: sequentially, and twice concurrently (both copies may meet in one flush buffer).
        foreach (MetricBatch<SurveyResponse> batch in batches)
        {
            await fixture.Client.IngestAsync(batch);
        }

        await Task.WhenAll(batches.Concat(batches).Select(fixture.Client.IngestAsync));

        await AssertEveryWindowMatchesAsync(SurveyMetrics.Nps(), new NpsAccumulator(), "retry", events);
    }

    [Fact]
    public async Task A_batch_with_one_bad_score_is_rejected_whole()
    {
        var day = new DateOnly(2026, 11, 24);
        var good = new MetricEvent<SurveyResponse>("chat", day, new SurveyResponse(9));
        var other = new MetricEvent<SurveyResponse>("voice", day, new SurveyResponse(3));
        var bad = new MetricEvent<SurveyResponse>("voice", day, new SurveyResponse(11));
        var rejected = new MetricBatch<SurveyResponse>(Guid.NewGuid(), "reject", SurveyMetrics.NpsName, [good, other, bad]);

        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Client.IngestAsync(rejected));
        Assert.Contains("11", error.Message, StringComparison.Ordinal);
        Assert.Contains("voice", error.Message, StringComparison.Ordinal);

        NpsAccumulator stored = await fixture.Client.GetAccumulatorAsync(SurveyMetrics.Nps(), "reject", ["chat", "voice"], MetricWindow.Day(day));
        Assert.Equal(0, stored.Count);
    }

    [Fact]
    public async Task An_unregistered_metric_or_wrong_value_type_is_rejected()
    {
        var e = new MetricEvent<SurveyResponse>("chat", new DateOnly(2026, 11, 24), new SurveyResponse(9));
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            fixture.Client.IngestAsync(new MetricBatch<SurveyResponse>(Guid.NewGuid(), "t", "no-such-metric", [e])));
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            fixture.Client.IngestAsync(new MetricBatch<int>(Guid.NewGuid(), "t", SurveyMetrics.NpsName, [new MetricEvent<int>("chat", e.Date, 9)])));
    }

    [Fact]
    public async Task A_failed_storage_write_is_not_acknowledged_and_the_retry_counts_once()
    {
        MetricEvent<SurveyResponse>[] events = SurveyEvents.Generate(31, 300, FirstDay, 2, 0, 10, weighted: false);
        MetricBatch<SurveyResponse> batch = SurveyEvents.Batches(events, "storage-failure", SurveyMetrics.NpsName, 31, 1000).Single();

        SharedGrainStorage.FailWrites("storage-failure", 1);
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.IngestAsync(batch));
        await fixture.Client.IngestAsync(batch);
        await fixture.Client.IngestAsync(batch);

        await AssertEveryWindowMatchesAsync(SurveyMetrics.Nps(), new NpsAccumulator(), "storage-failure", events);
    }

    [Fact]
    public async Task Remembered_batch_ids_are_bounded_and_recent_retries_are_still_ignored()
    {
        var day = new DateOnly(2026, 12, 1);
        var batches = new List<MetricBatch<SurveyResponse>>();
        for (int i = 0; i < ClusterFixture.MaxAppliedBatchIds + 20; i++)
        {
            batches.Add(new MetricBatch<SurveyResponse>(Guid.NewGuid(), "bounded", SurveyMetrics.NpsName, [new("all", day, new SurveyResponse(i % 11))]));
        }

        foreach (MetricBatch<SurveyResponse> batch in batches)
        {
            await fixture.Client.IngestAsync(batch);
        }

        await fixture.Client.IngestAsync(batches[^1]);
        var grain = fixture.Client.GetGrain<IMetricAggregateGrain>(new AggregateKey("bounded", SurveyMetrics.NpsName, "all", day).ToGrainKey());
        Assert.Equal(ClusterFixture.MaxAppliedBatchIds, await grain.GetRememberedBatchCountAsync());
        NpsAccumulator stored = await fixture.Client.GetAccumulatorAsync(SurveyMetrics.Nps(), "bounded", "all", MetricWindow.Day(day));
        Assert.Equal(batches.Count, stored.Count);
    }

    [Fact]
    public async Task Week_and_month_queries_roll_up_across_month_and_year_ends()
    {
        // 28 Dec 2026 (Mon) .. 3 Jan 2027 (Sun) is ISO week 2026-W53: it spans two months and two calendar years.
        DateOnly[] days = [new(2026, 11, 30), new(2026, 12, 1), new(2026, 12, 6), new(2026, 12, 7), new(2026, 12, 31), new(2027, 1, 1), new(2027, 1, 3), new(2027, 1, 4)];
        var events = days.Select((d, i) => new MetricEvent<SurveyResponse>("all", d, new SurveyResponse(i + 2))).ToArray();
        await fixture.Client.IngestAsync(new MetricBatch<SurveyResponse>(Guid.NewGuid(), "rollover", SurveyMetrics.NpsName, [.. events]));

        async Task<long> CountAsync(MetricWindow w) => (await fixture.Client.GetAccumulatorAsync(SurveyMetrics.Nps(), "rollover", "all", w)).Count;

        Assert.Equal(3, await CountAsync(MetricWindow.WeekOf(new DateOnly(2026, 12, 2))));   // W49: 30 Nov, 1 Dec, 6 Dec
        Assert.Equal(1, await CountAsync(MetricWindow.MonthOf(new DateOnly(2026, 11, 15)))); // November: 30 Nov only
        Assert.Equal(4, await CountAsync(MetricWindow.MonthOf(new DateOnly(2026, 12, 15)))); // December: 1, 6, 7, 31
        Assert.Equal(3, await CountAsync(MetricWindow.IsoWeek(2026, 53)));                   // 31 Dec, 1 Jan, 3 Jan
        Assert.Equal(3, await CountAsync(MetricWindow.MonthOf(new DateOnly(2027, 1, 1))));   // 1, 3, 4 Jan
        Assert.Equal(1, await CountAsync(MetricWindow.IsoWeek(2027, 1)));                    // 4 Jan
    }

    [Fact]
    public async Task Batches_published_to_a_memory_stream_are_applied_once_and_a_bad_one_is_dropped()
    {
        MetricEvent<SurveyResponse>[] events = SurveyEvents.Generate(41, 1500, FirstDay, 10, 0, 10, weighted: false);
        List<MetricBatch<SurveyResponse>> batches = SurveyEvents.Batches(events, "stream", SurveyMetrics.NpsName, 41, 100);

        // A batch with bad data is dropped by the consumer (it would fail on every redelivery) and must not block the stream.
        var poison = new MetricBatch<SurveyResponse>(Guid.NewGuid(), "stream", SurveyMetrics.NpsName, [new("chat", FirstDay, new SurveyResponse(-1))]);
        await fixture.Client.PublishAsync(poison, streamKey: "partition-0");
        for (int i = 0; i < batches.Count; i++)
        {
            await fixture.Client.PublishAsync(batches[i], streamKey: $"partition-{i % 3}");
        }

        await fixture.Client.PublishAsync(batches[0], streamKey: "partition-redelivery");

        MetricWindow month = MetricWindow.MonthOf(FirstDay); // 20..29 Nov: every event is in November
        NpsAccumulator expected = SurveyEvents.Reference(new NpsAccumulator(), events, SurveyEvents.Segments, month);

        // Stream delivery is asynchronous: wait until the last batch has landed (bounded), then compare exactly.
        NpsAccumulator stored = new();
        for (int attempt = 0; attempt < 200 && stored.Count < events.Length; attempt++)
        {
            await Task.Delay(50);
            stored = await fixture.Client.GetAccumulatorAsync(SurveyMetrics.Nps(), "stream", SurveyEvents.Segments, month);
        }

        Assert.Equal(expected.ToResult(), stored.ToResult());
        Assert.Equal(SurveyMetrics.Nps().Serialize(expected), SurveyMetrics.Nps().Serialize(stored));
    }

    private Task IngestConcurrentlyAsync(List<MetricBatch<SurveyResponse>> batches) =>
        Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, _) => await fixture.Client.IngestAsync(b));

    private async Task AssertEveryWindowMatchesAsync<TAccumulator>(
        MetricDefinition<TAccumulator, SurveyResponse> definition,
        TAccumulator empty,
        string tenant,
        MetricEvent<SurveyResponse>[] events)
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        var segmentSets = SurveyEvents.Segments.Select(s => (IReadOnlyList<string>)[s]).Append(SurveyEvents.Segments).ToList();
        foreach (MetricWindow window in SurveyEvents.Windows(FirstDay, Days))
        {
            foreach (IReadOnlyList<string> segments in segmentSets)
            {
                TAccumulator expected = SurveyEvents.Reference(empty.CreateEmpty(), events, segments.ToArray(), window);
                TAccumulator actual = await fixture.Client.GetAccumulatorAsync(definition, tenant, segments, window);

                // Byte-identical state (counts, weight totals, Σw², options) implies identical results and intervals.
                Assert.True(
                    definition.Serialize(expected).AsSpan().SequenceEqual(definition.Serialize(actual)),
                    $"{definition.Name} {window} [{string.Join(",", segments)}]: cluster {actual.Count} vs single process {expected.Count}");
            }
        }
    }
}

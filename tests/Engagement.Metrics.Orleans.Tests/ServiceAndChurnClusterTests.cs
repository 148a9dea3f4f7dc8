using Engagement.Metrics.Retention;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Orleans.Tests;

[Collection(ClusterTests.Name)]
public sealed class ServiceAndChurnClusterTests(ClusterFixture fixture)
{
    private static readonly DateOnly FirstDay = new(2026, 11, 20);
    private const int Days = 45;

    [Fact]
    public async Task Service_kpis_for_every_day_week_and_month_equal_one_accumulator()
    {
        MetricEvent<ContactRecord>[] events = ContactEvents.Generate(61, 4000, FirstDay, Days);
        await IngestConcurrentlyAsync(SurveyEvents.Batches(events, "service", ServiceMetrics.ServiceName, 61, 200));

        MetricDefinition<ServiceAccumulator, ContactRecord> definition = ServiceMetrics.Service();
        var segmentSets = SurveyEvents.Segments.Select(s => (IReadOnlyList<string>)[s]).Append(SurveyEvents.Segments).ToList();
        foreach (MetricWindow window in SurveyEvents.Windows(FirstDay, Days))
        {
            foreach (IReadOnlyList<string> segments in segmentSets)
            {
                var expected = new ServiceAccumulator();
                expected.AddRange(events.Where(e => window.Contains(e.Date) && segments.Contains(e.Segment)).Select(e => e.Value).ToArray());
                ServiceAccumulator actual = await fixture.Client.GetAccumulatorAsync(definition, "service", segments, window);

                // Counts, tick sums and sketch bins merge exactly, so every KPI, median and p90 is identical.
                Assert.Equal(expected.ToResult(), actual.ToResult());
            }
        }
    }

    [Fact]
    public async Task A_batch_with_one_invalid_contact_is_rejected_whole()
    {
        MetricEvent<ContactRecord>[] events = ContactEvents.Generate(62, 3, FirstDay, 1);
        ContactRecord broken = events[2].Value with { Talk = TimeSpan.FromSeconds(-5) };
        MetricEvent<ContactRecord>[] batch = [events[0], events[1], new(events[2].Segment, events[2].Date, broken)];

        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            fixture.Client.IngestAsync(new MetricBatch<ContactRecord>(Guid.NewGuid(), "service-reject", ServiceMetrics.ServiceName, [.. batch])));
        Assert.Contains(broken.ContactId, error.Message, StringComparison.Ordinal);

        ServiceAccumulator stored = await fixture.Client.GetAccumulatorAsync(ServiceMetrics.Service(), "service-reject", SurveyEvents.Segments, MetricWindow.Day(FirstDay));
        Assert.Equal(0, stored.Count);
    }

    [Fact]
    public async Task Churn_counts_across_partitions_equal_the_single_process_rate()
    {
        MetricEvent<CustomerRecord>[] customers = ContactEvents.Customers(71, 3000);
        await IngestConcurrentlyAsync(SurveyEvents.Batches(customers, "churn", ContactEvents.NovemberChurn, 71, 150));

        DateOnly to = ContactEvents.November.AddMonths(1);
        MetricDefinition<ChurnAccumulator, CustomerRecord> definition = ChurnMetrics.Churn(ContactEvents.NovemberChurn, ContactEvents.November, to);
        foreach (string segment in SurveyEvents.Segments)
        {
            CustomerRecord[] mine = customers.Where(c => c.Segment == segment).Select(c => c.Value).ToArray();
            ChurnAccumulator actual = await fixture.Client.GetAccumulatorAsync(definition, "churn", segment, MetricWindow.MonthOf(ContactEvents.November));
            Assert.Equal(definition.Serialize(Reference(mine, to)), definition.Serialize(actual));
        }

        CustomerRecord[] all = customers.Select(c => c.Value).ToArray();
        ChurnAccumulator total = await fixture.Client.GetAccumulatorAsync(definition, "churn", SurveyEvents.Segments, MetricWindow.Day(ContactEvents.November));
        foreach (ChurnMethod method in Enum.GetValues<ChurnMethod>())
        {
            Assert.Equal(Churn.Calculate(all, ContactEvents.November, to, method), total.ToResult(method));
        }
    }

    private static ChurnAccumulator Reference(CustomerRecord[] customers, DateOnly to)
    {
        var accumulator = new ChurnAccumulator(ContactEvents.November, to);
        accumulator.AddRange(customers);
        return accumulator;
    }

    private Task IngestConcurrentlyAsync<TValue>(List<MetricBatch<TValue>> batches) =>
        Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, _) => await fixture.Client.IngestAsync(b));
}

using System.Text.Json;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Serialization;

namespace Engagement.Metrics.Orleans.Tests;

[Collection(ClusterTests.Name)]
public sealed class ConversationClusterTests(ClusterFixture fixture)
{
    private static readonly DateOnly FirstDay = new(2026, 11, 20);
    private const int Days = 45;

    [Fact]
    public async Task Conversation_signals_for_every_window_equal_one_accumulator_though_conversations_span_days()
    {
        MetricEvent<ConversationMessage>[] events = ConversationEvents.Generate(81, 900, FirstDay, Days);
        await Parallel.ForEachAsync(
            SurveyEvents.Batches(events, "conversations", ConversationMetrics.ConversationsName, 81, 120),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (b, _) => await fixture.Client.IngestAsync(b));

        MetricDefinition<ConversationAccumulator, ConversationMessage> definition = ConversationMetrics.Conversations();
        var segmentSets = SurveyEvents.Segments.Select(s => (IReadOnlyList<string>)[s]).Append(SurveyEvents.Segments).ToList();
        foreach (MetricWindow window in SurveyEvents.Windows(FirstDay, Days))
        {
            foreach (IReadOnlyList<string> segments in segmentSets)
            {
                var expected = new ConversationAccumulator();
                expected.AddRange(events.Where(e => window.Contains(e.Date) && segments.Contains(e.Segment)).Select(e => e.Value).ToArray());
                ConversationAccumulator actual = await fixture.Client.GetAccumulatorAsync(definition, "conversations", segments, window);

                Assert.Equal(expected.Count, actual.Count);
                Assert.Equal(Json(expected.ToResult()), Json(actual.ToResult()));
                Assert.Equal(
                    JsonSerializer.Serialize(expected.ToCustomerResults(), EngagementMetricsJsonContext.Default.IReadOnlyListCustomerEngagement),
                    JsonSerializer.Serialize(actual.ToCustomerResults(), EngagementMetricsJsonContext.Default.IReadOnlyListCustomerEngagement));
            }
        }
    }

    [Fact]
    public async Task A_conversation_with_two_customers_is_rejected_whole()
    {
        MetricEvent<ConversationMessage>[] events = ConversationEvents.Generate(82, 3, FirstDay, 5);
        MetricEvent<ConversationMessage> first = events[0];
        var intruder = new MetricEvent<ConversationMessage>(first.Segment, first.Date, first.Value with { MessageId = "intruder", CustomerId = "someone-else" });
        var batch = new MetricBatch<ConversationMessage>(Guid.NewGuid(), "conversations-reject", ConversationMetrics.ConversationsName, [first, intruder]);

        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => fixture.Client.IngestAsync(batch));
        Assert.Contains("someone-else", error.Message, StringComparison.Ordinal);
        ConversationAccumulator stored = await fixture.Client.GetAccumulatorAsync(ConversationMetrics.Conversations(), "conversations-reject", SurveyEvents.Segments, MetricWindow.MonthOf(first.Date));
        Assert.Equal(0, stored.Count);
    }

    private static string Json(ConversationSummary summary) => JsonSerializer.Serialize(summary, EngagementMetricsJsonContext.Default.ConversationSummary);
}

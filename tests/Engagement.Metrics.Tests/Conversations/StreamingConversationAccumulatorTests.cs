using System.Text.Json;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Service;
using FsCheck.Xunit;
using static Engagement.Metrics.Tests.Conversations.ConversationExamples;

namespace Engagement.Metrics.Tests.Conversations;

public class StreamingConversationAccumulatorTests
{
    private static readonly TimeSpan CloseAfter = TimeSpan.FromHours(48);
    private static readonly StreamingConversationOptions Options = new() { CloseAfter = CloseAfter, Conversation = new ConversationOptions { RepeatWindow = TimeSpan.FromDays(3) } };
    private const double Alpha = 0.01;

    // Streams the messages in time order, in batches of the given size (the natural way to feed it).
    private static StreamingConversationAccumulator Stream(IEnumerable<ConversationMessage> messages, int batch = 37, StreamingConversationOptions? options = null)
    {
        var acc = new StreamingConversationAccumulator(options ?? Options);
        foreach (ConversationMessage[] chunk in messages.OrderBy(m => m.SentAt).Chunk(batch))
        {
            acc.AddRange(chunk);
        }

        return acc;
    }

    // Every result, serialized: two accumulators agree when this string agrees.
    private static string Fingerprint(StreamingConversationAccumulator acc) =>
        JsonSerializer.Serialize(acc.ToResult(), EngagementMetricsJsonContext.Default.ConversationSummary)
        + JsonSerializer.Serialize(acc.ToCustomerResults(), EngagementMetricsJsonContext.Default.IReadOnlyListCustomerEngagement)
        + JsonSerializer.Serialize(acc.ToTrend(), EngagementMetricsJsonContext.Default.EngagementTrend);

    // The exact accumulator's view of the same stream: each conversation id split where it falls silent for more than
    // CloseAfter, every run becoming a conversation of its own.
    private static ConversationMessage[] Sessionize(IEnumerable<ConversationMessage> messages, TimeSpan closeAfter) =>
        [.. messages.GroupBy(m => m.ConversationId).SelectMany(g =>
        {
            int session = 0;
            DateTimeOffset? previous = null;
            var runs = new List<ConversationMessage>();
            foreach (ConversationMessage m in g.OrderBy(m => m.SentAt))
            {
                if (previous is { } p && m.SentAt - p > closeAfter)
                {
                    session++;
                }

                previous = m.SentAt;
                runs.Add(m with { ConversationId = $"{m.ConversationId}#{session}" });
            }

            return runs;
        })];

    // A long stream: `days` days, about `perDay` conversations a day of 2–8 messages over minutes to hours, among
    // `customers` customers, on three channels; every tenth conversation id comes back after a silence of 3–6 days.
    private static List<ConversationMessage> LongStream(int seed, int days, int perDay, int customers)
    {
        var random = new Random(seed);
        string[] channels = ["chat", "email", "sms"];
        string[] texts = ["Where is my order?", "ok", "¿Cuándo llega?", "Thanks. How do I pay", "No me interesa"];
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var messages = new List<ConversationMessage>();
        for (int c = 0; c < days * perDay; c++)
        {
            string id = "c" + c;
            string customer = "u" + random.Next(customers);
            DateTimeOffset at = start.AddMinutes(random.Next(days * 1440));
            int sessions = c % 10 == 0 ? 2 : 1;
            for (int s = 0; s < sessions; s++)
            {
                int count = random.Next(2, 9);
                for (int k = 0; k < count; k++)
                {
                    bool inbound = random.Next(5) < 3;
                    messages.Add(new ConversationMessage
                    {
                        MessageId = $"{id}-{s}-{k}",
                        ConversationId = id,
                        CustomerId = customer,
                        Channel = channels[random.Next(k == 0 ? 3 : 1) + (k == 0 ? 0 : 1)],
                        Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
                        SentAt = at,
                        Text = inbound ? texts[random.Next(texts.Length)] : null,
                        Length = inbound ? int.MinValue : random.Next(10, 200),
                        Sentiment = inbound && random.Next(2) == 0 ? Math.Round((random.NextDouble() * 2) - 1, 3) : null,
                        Resolved = random.Next(20) == 0,
                    });
                    at = at.AddMinutes(random.Next(1, random.Next(3) == 0 ? 1800 : 120));
                }

                at = at.AddHours(random.Next(72, 144));
            }
        }

        return messages;
    }

    [Fact]
    public void OnSessions_CountsRatesAndMeans_EqualTheExactAccumulator_AndQuantilesAreWithinTheSketchBound()
    {
        List<ConversationMessage> messages = LongStream(3, days: 40, perDay: 12, customers: 60);
        StreamingConversationAccumulator streaming = Stream(messages);
        var exact = new ConversationAccumulator(Options.Conversation);
        exact.AddRange(Sessionize(messages, CloseAfter));

        ConversationSummary s = streaming.ToResult(), e = exact.ToResult();
        Assert.Equal(e.AsOf, s.AsOf);
        AssertSameSignals(e.Overall, s.Overall);
        Assert.Equal(e.Channels.Select(c => c.Key), s.Channels.Select(c => c.Key));
        for (int i = 0; i < e.Channels.Count; i++)
        {
            AssertSameSignals(e.Channels[i], s.Channels[i]);
        }

        IReadOnlyList<CustomerEngagement> sc = streaming.ToCustomerResults(), ec = exact.ToCustomerResults();
        Assert.Equal(ec.Select(c => c.CustomerId), sc.Select(c => c.CustomerId));
        for (int i = 0; i < ec.Count; i++)
        {
            AssertSameSignals(ec[i].Signals, sc[i].Signals);
            Assert.Equal(ec[i].PreferredChannel, sc[i].PreferredChannel);
            Assert.Equal(ec[i].IgnoredChannels, sc[i].IgnoredChannels);
        }

        EngagementTrend st = streaming.ToTrend(), et = exact.ToTrend(EngagementPeriod.Week);
        Assert.Equal(et.Overall.Select(p => (p.PeriodStart, p.Conversations)), st.Overall.Select(p => (p.PeriodStart, p.Conversations)));
        Assert.Equal(et.Customers.Select(c => c.Periods.Count), st.Customers.Select(c => c.Periods.Count));
        for (int i = 0; i < et.Overall.Count; i++)
        {
            AssertSameScore(et.Overall[i].Score, st.Overall[i].Score, medianIsAnOrderStatistic: false);
        }
    }

    private static void AssertSameSignals(ConversationSignals exact, ConversationSignals streaming)
    {
        Assert.Equal(exact.Key, streaming.Key);
        Assert.Equal((exact.Conversations, exact.Customers, exact.Messages, exact.InboundMessages), (streaming.Conversations, streaming.Customers, streaming.Messages, streaming.InboundMessages));
        Assert.Equal(exact.ResponseRate, streaming.ResponseRate);
        Assert.Equal(exact.AbandonmentRate, streaming.AbandonmentRate);
        Assert.Equal(exact.RepeatInteractionRate, streaming.RepeatInteractionRate);
        Assert.Equal(exact.MeanCustomerMessageLength, streaming.MeanCustomerMessageLength);
        Assert.Equal(exact.QuestionsPerConversation, streaming.QuestionsPerConversation);
        Assert.Equal(exact.MeanSentimentShift, streaming.MeanSentimentShift);
        AssertWithinSketchBound(exact.CustomerResponseTime, streaming.CustomerResponseTime);
        AssertWithinSketchBound(exact.AgentFirstResponseTime, streaming.AgentFirstResponseTime);
        AssertWithinSketchBound(exact.Duration, streaming.Duration);
        AssertWithinSketchBound(exact.TimeBetweenConversations, streaming.TimeBetweenConversations);
        AssertSameScore(exact.Score, streaming.Score, exact.CustomerResponseTime.Count % 2 == 1);
    }

    // Means are exact (tick sums). The exact median interpolates between the order statistics x(r) and x(r+1),
    // r = ⌊p(n − 1)⌋, and the sketch is within α of x(r) (QuantileSketch): so it is at most (1 + α) × the exact value,
    // and within α of it whenever p(n − 1) is whole (no interpolation).
    private static void AssertWithinSketchBound(DurationResult exact, DurationResult streaming)
    {
        Assert.Equal(exact.Count, streaming.Count);
        Assert.Equal(exact.Value, streaming.Value);
        foreach ((double p, double? e, double? s) in new[] { (0.5, exact.Median, streaming.Median), (0.9, exact.P90, streaming.P90) })
        {
            Assert.Equal(e is null, s is null);
            if (e is double x && s is double y)
            {
                Assert.True(y <= (x * (1 + Alpha)) + 1e-9, $"p{p * 100}: sketch {y} above (1 + α) × exact {x}");
                double position = p * (exact.Count - 1);
                if (position == Math.Floor(position))
                {
                    Assert.InRange(y, (x * (1 - Alpha)) - 1e-9, (x * (1 + Alpha)) + 1e-9);
                }
            }
        }
    }

    // Every score input but response speed is exact. Speed is 2^(−median / half-life), whose change is at most 1/e
    // times the median's relative change, so the score moves by at most 100 · w_speed/Σw · α/e < 0.5 when the exact
    // median is itself an order statistic (odd count). Otherwise the exact median interpolates upward from x(r) and the
    // sketch is within α of x(r): the streaming speed, hence its score, can only be higher (up to that 0.5).
    private static void AssertSameScore(EngagementScoreResult exact, EngagementScoreResult streaming, bool medianIsAnOrderStatistic)
    {
        Assert.Equal((exact.ResponseRate, exact.MessageLength, exact.Questions, exact.SentimentShift, exact.Retention, exact.RepeatInteraction),
            (streaming.ResponseRate, streaming.MessageLength, streaming.Questions, streaming.SentimentShift, streaming.Retention, streaming.RepeatInteraction));
        Assert.Equal(exact.Score is null, streaming.Score is null);
        if (exact.Score is double x)
        {
            Assert.InRange(streaming.Score!.Value, x - 0.5, medianIsAnOrderStatistic ? x + 0.5 : 100);
        }
    }

    [Fact]
    public void ASilenceLongerThanCloseAfter_StartsANewConversation_OnItsOwnChannel()
    {
        ConversationMessage[] messages =
        [
            Msg("a1", "c1", "ana", "email", MessageDirection.Outbound, "2026-03-02T09:00:00Z", null),
            Msg("a2", "c1", "ana", "email", MessageDirection.Inbound, "2026-03-02T10:00:00Z", "Why?"),
            Msg("a3", "c1", "ana", "sms", MessageDirection.Inbound, "2026-03-04T10:00:01Z", "Hello again"), // 48 h 1 s later: a new conversation
            Msg("a4", "c1", "ana", "sms", MessageDirection.Outbound, "2026-03-04T10:30:00Z", null),
        ];
        StreamingConversationAccumulator acc = Stream(messages, batch: 1);
        ConversationSummary summary = acc.ToResult();

        Assert.Equal(2, summary.Overall.Conversations);
        Assert.Equal(["email", "sms"], summary.Channels.Select(c => c.Key));
        Assert.All(summary.Channels, c => Assert.Equal(1, c.Conversations));

        // The second conversation starts 48 h 1 s after the first ends: within the 3-day repeat window.
        Assert.Equal(1, summary.Overall.RepeatInteractionRate.Successes);
        Assert.Equal((48 * 3600) + 1, summary.Overall.TimeBetweenConversations.Value);
    }

    [Fact]
    public void LongStream_KeepsOnlyTheOpenConversations()
    {
        // 400 days × 25 conversations a day. A conversation lasts at most about 8 × 30 h; it closes once the newest
        // message is 2 × CloseAfter (4 days) past its end, checked every CloseAfter / 2, so at any time the open ones
        // started within the last ≈ 4 + 1 + 10 + 6 days (a returning id keeps its state across its silence): ≈ 21
        // days × 25, far below the 10 000 conversations seen.
        List<ConversationMessage> messages = LongStream(7, days: 400, perDay: 25, customers: 500);
        var acc = new StreamingConversationAccumulator(Options);
        int maxOpen = 0;
        long maxKept = 0;
        foreach (ConversationMessage[] chunk in messages.OrderBy(m => m.SentAt).Chunk(100))
        {
            acc.AddRange(chunk);
            maxOpen = Math.Max(maxOpen, acc.OpenConversations);
            maxKept = Math.Max(maxKept, acc.OpenMessages);
        }

        Assert.Equal(messages.Count, acc.Count);
        Assert.InRange(maxOpen, 1, 21 * 25);
        Assert.True(maxKept < messages.Count / 15, $"{maxKept} of {messages.Count} messages kept at once");
        Assert.Equal(10_000, acc.ToResult().Overall.Conversations - 1_000); // every tenth id came back as a second conversation
        Assert.All(acc.Customers, c => Assert.True(c.AwaitingRepeat.All(w => w.End > acc.Newest!.Value - TimeSpan.FromDays(3) - (2 * CloseAfter) - CloseAfter)));
    }

    [Fact]
    public void OpenStates_AreSnapshots_UnchangedWhenTheirConversationsCloseAndStatesAreReused()
    {
        // Closed states are recycled for new conversations; a state read from Open earlier must not change with them.
        var acc = new StreamingConversationAccumulator(Options);
        acc.Add(Msg("a1", "a", "ana", "chat", MessageDirection.Outbound, "2026-03-02T09:00:00Z", "Hi"));
        ConversationState before = Assert.Single(acc.Open);
        acc.Add(Msg("b1", "b", "bruno", "sms", MessageDirection.Inbound, "2026-03-10T09:00:00Z", "Hola"));
        acc.Add(Msg("c1", "c", "carla", "email", MessageDirection.Inbound, "2026-03-10T09:05:00Z", "Hello?"));

        Assert.Equal(["b", "c"], acc.Open.Select(s => s.ConversationId).Order());
        Assert.Equal(("a", "ana", "chat"), (before.ConversationId, before.CustomerId, before.Channel));
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(before.Entries).SentAt);
    }

    [Fact]
    public void CustomerTrends_KeepTheirLastPeriods_TheOverallTrendKeepsAll()
    {
        List<ConversationMessage> messages = LongStream(9, days: 90, perDay: 6, customers: 10);
        StreamingConversationAccumulator acc = Stream(messages, options: Options with { CustomerTrendPeriods = 3 });
        EngagementTrend trend = acc.ToTrend();
        var exact = new ConversationAccumulator(Options.Conversation);
        exact.AddRange(Sessionize(messages, CloseAfter));
        EngagementTrend all = exact.ToTrend(EngagementPeriod.Week);

        Assert.Equal(all.Overall.Select(p => (p.PeriodStart, p.Conversations)), trend.Overall.Select(p => (p.PeriodStart, p.Conversations)));
        DateOnly lastWeek = trend.Overall[^1].PeriodStart;
        for (int i = 0; i < all.Customers.Count; i++)
        {
            PeriodScore[] recent = [.. all.Customers[i].Periods.Where(p => p.PeriodStart > lastWeek.AddDays(-21))];
            Assert.Equal(recent.Select(p => (p.PeriodStart, p.Conversations)), trend.Customers[i].Periods.Select(p => (p.PeriodStart, p.Conversations)));
            Assert.All(acc.Customers, c => Assert.True(c.Periods.Count <= 3));
        }
    }

    [Property(MaxTest = 25)]
    public bool ReorderingWithinTheLatenessBound_AndRebatching_DoNotChangeResults(int seed, byte batch)
    {
        List<ConversationMessage> messages = LongStream(seed, days: 20, perDay: 6, customers: 15);
        string expected = Fingerprint(Stream(messages, batch: messages.Count));

        // Shuffle within 24-hour buckets (less than CloseAfter apart) and feed in batches of 1–256.
        var random = new Random(seed);
        ConversationMessage[] shuffled = [.. messages
            .GroupBy(m => m.SentAt.UtcTicks / TimeSpan.TicksPerDay)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(_ => random.Next()))];
        var acc = new StreamingConversationAccumulator(Options);
        foreach (ConversationMessage[] chunk in shuffled.Chunk(1 + batch))
        {
            acc.AddRange(chunk);
        }

        return Fingerprint(acc) == expected;
    }

    [Property(MaxTest = 25)]
    public bool MergeOfSplitByCustomer_EqualsWhole(int seed, byte parts)
    {
        List<ConversationMessage> messages = LongStream(seed, days: 20, perDay: 6, customers: 15);
        int k = 2 + (parts % 3);
        StreamingConversationAccumulator merged = new(Options);
        foreach (IGrouping<int, ConversationMessage> part in messages.GroupBy(m => int.Parse(m.CustomerId[1..], System.Globalization.CultureInfo.InvariantCulture) % k))
        {
            merged.Merge(Stream(part, batch: 13 + part.Key));
        }

        return Fingerprint(merged) == Fingerprint(Stream(messages));
    }

    [Fact]
    public void JsonState_MidStream_ContinuesToTheSameResults()
    {
        ConversationMessage[] messages = [.. LongStream(11, days: 30, perDay: 8, customers: 20).OrderBy(m => m.SentAt)];
        int half = messages.Length / 2;
        StreamingConversationAccumulator first = Stream(messages[..half]);
        string json = JsonSerializer.Serialize(first, EngagementMetricsJsonContext.Default.StreamingConversationAccumulator);
        StreamingConversationAccumulator resumed = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.StreamingConversationAccumulator)!;
        Assert.Equal(json, JsonSerializer.Serialize(resumed, EngagementMetricsJsonContext.Default.StreamingConversationAccumulator));

        foreach (ConversationMessage[] chunk in messages[half..].Chunk(37))
        {
            resumed.AddRange(chunk);
        }

        Assert.Equal(Fingerprint(Stream(messages)), Fingerprint(resumed));
    }

    [Fact]
    public void LateMessage_IsRejectedWithItsValues_AndChangesNothing()
    {
        StreamingConversationAccumulator acc = Stream(LongStream(5, days: 10, perDay: 5, customers: 8));
        string before = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.StreamingConversationAccumulator);
        DateTimeOffset late = acc.Newest!.Value - CloseAfter - TimeSpan.FromMinutes(1);
        ConversationMessage[] batch =
        [
            Msg("ok1", "new", "u1", "chat", MessageDirection.Inbound, acc.Newest.Value.AddMinutes(5).ToString("O"), "hi"),
            Msg("old7", "c3", "u1", "chat", MessageDirection.Inbound, late.ToString("O"), "hello?"),
        ];

        ArgumentException error = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));

        Assert.Equal("SentAt", error.ParamName);
        Assert.Contains("messages[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'old7'", error.Message, StringComparison.Ordinal);
        Assert.Contains(late.ToString("O"), error.Message, StringComparison.Ordinal);
        Assert.Contains("CloseAfter (2.00:00:00)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.StreamingConversationAccumulator));
    }

    [Fact]
    public void InvalidMessage_OrSecondCustomer_IsRejectedAndChangesNothing()
    {
        StreamingConversationAccumulator acc = Stream(WorkedExample());
        string before = Fingerprint(acc);
        ConversationMessage stranger = WorkedExample()[^1] with { MessageId = "m15", CustomerId = "carla" };

        Assert.Throws<ArgumentException>(() => acc.AddRange([WorkedExample()[0] with { MessageId = "m16", Length = -3 }]));
        ArgumentException error = Assert.Throws<ArgumentException>(() => acc.Add(stranger));
        Assert.Contains("'m15'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(acc));
    }

    [Fact]
    public void Options_AreValidated_AllBrokenRulesAtOnce()
    {
        var options = new StreamingConversationOptions { CloseAfter = TimeSpan.FromHours(12), RelativeAccuracy = 0.9, TrendPeriod = (EngagementPeriod)9 };
        ArgumentException error = Assert.Throws<ArgumentException>(() => new StreamingConversationAccumulator(options));
        Assert.Contains("CloseAfter is 12:00:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("RelativeAccuracy is 0.9", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrendPeriod is 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_WithOtherOptionsOrItself_Throws()
    {
        var acc = new StreamingConversationAccumulator(Options);
        Assert.Throws<ArgumentException>(() => acc.Merge(acc));
        Assert.Throws<ArgumentException>(() => acc.Merge(new StreamingConversationAccumulator(Options with { CloseAfter = TimeSpan.FromDays(3) })));
    }

    [Fact]
    public void Empty_HasNoValues()
    {
        var acc = new StreamingConversationAccumulator();
        ConversationSummary summary = acc.ToResult();
        Assert.Null(summary.AsOf);
        Assert.Equal(0, summary.Overall.Conversations);
        Assert.Null(summary.Overall.Score.Score);
        Assert.Empty(acc.ToCustomerResults());
        Assert.Empty(acc.ToTrend().Overall);
        Assert.Equal(0, acc.Count);
    }
}

using System.Text.Json;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Serialization;
using FsCheck.Xunit;
using static Engagement.Metrics.Tests.Conversations.ConversationExamples;

namespace Engagement.Metrics.Tests.Conversations;

public class ConversationAccumulatorTests
{
    private static readonly ConversationOptions Options = new() { AsOf = AsOf };

    private static ConversationAccumulator Accumulate(ReadOnlySpan<ConversationMessage> messages, ConversationOptions? options = null)
    {
        var acc = new ConversationAccumulator(options ?? Options);
        acc.AddRange(messages);
        return acc;
    }

    // Everything a result exposes, serialized: two accumulators agree when this string agrees.
    private static string Fingerprint(ConversationAccumulator acc) =>
        JsonSerializer.Serialize(acc.ToResult(), EngagementMetricsJsonContext.Default.ConversationSummary)
        + JsonSerializer.Serialize(acc.ToConversationResults(), EngagementMetricsJsonContext.Default.IReadOnlyListConversationResult)
        + JsonSerializer.Serialize(acc.ToCustomerResults(), EngagementMetricsJsonContext.Default.IReadOnlyListCustomerEngagement)
        + JsonSerializer.Serialize(acc.ToTrend(EngagementPeriod.Week), EngagementMetricsJsonContext.Default.EngagementTrend);

    [Fact]
    public void WorkedExample_Overall_MatchesTheDocPage()
    {
        ConversationSignals o = Accumulate(WorkedExample()).ToResult().Overall;

        Assert.Equal(3, o.Conversations);
        Assert.Equal(2, o.Customers);
        Assert.Equal(14, o.Messages);
        Assert.Equal(7, o.InboundMessages);

        // Outbound m2, m4 (c1), m7 (c2), m11, m13 (c3) answered; m6 (c1) and m9 (c2) not: 5 / 7.
        Assert.Equal(7, o.ResponseRate.Count);
        Assert.Equal(5, o.ResponseRate.Successes);

        // Customer response times: m3 30 min, m5 2 h, m8 1 h, m12 30 min, m14 5 min → 300, 1800, 1800, 3600, 7200 s.
        Assert.Equal(5, o.CustomerResponseTime.Count);
        Assert.Equal(14_700.0 / 5, o.CustomerResponseTime.Value!.Value, 9);
        Assert.Equal(1800, o.CustomerResponseTime.Median!.Value, 9);
        Assert.Equal(3600 + (0.6 * 3600), o.CustomerResponseTime.P90!.Value, 9); // position 0.9 × 4 = 3.6

        // Agent first response: c1 10 min, c2 30 min (first inbound 10:00 → 10:30), c3 20 min.
        Assert.Equal(1200, o.AgentFirstResponseTime.Value!.Value, 9);
        Assert.Equal(1200, o.AgentFirstResponseTime.Median!.Value, 9);

        // Durations 3 h 05 = 11 100 s, 1 h 30 = 5 400 s, 1 h 05 = 3 900 s.
        Assert.Equal(20_400.0 / 3, o.Duration.Value!.Value, 9);
        Assert.Equal(5400, o.Duration.Median!.Value, 9);

        // Customer message lengths 41 + 40 + 14 + 32 + 34 + 36 + 19 = 216 characters over 7 messages.
        Assert.Equal(216.0 / 7, o.MeanCustomerMessageLength!.Value, 12);

        // Questions: c1 "Where is it?" + "How long will it take?" = 2; c2 "Why is it higher…" (no '?') = 1;
        // c3 "¿Cuánto cuesta…?" + "Cómo pago con tarjeta" (no marks) = 2 → 5 / 3.
        Assert.Equal(5.0 / 3, o.QuestionsPerConversation!.Value, 12);

        // Sentiment shift: c1 0.6 − (−0.4) = 1.0; c3 0.8 − 0.0 = 0.8; c2 has one scored message → none. Mean 0.9.
        Assert.Equal(0.9, o.MeanSentimentShift!.Value, 12);

        // c2 ends with an unanswered outbound message on 5 March, > 24 h before 10 March, not resolved: abandoned.
        // c1 also ends outbound but is marked resolved; c3 ends with the customer.
        Assert.Equal(3, o.AbandonmentRate.Count);
        Assert.Equal(1, o.AbandonmentRate.Successes);

        // alice came back: c1 ended 3 March 12:05, c2 started 5 March 09:00 (1 d 20 h 55 min ≤ 7 days); bruno did not.
        Assert.Equal(2, o.RepeatInteractionRate.Count);
        Assert.Equal(1, o.RepeatInteractionRate.Successes);
        Assert.Equal((44 * 3600) + (55 * 60), o.TimeBetweenConversations.Value!.Value, 9);

        // Score = 100 × (0.3·5/7 + 0.2·2^(−1800/14400) + 0.1·(216/7)/80 + 0.1·1 + 0.1·(0.9+1)/2 + 0.1·(1 − 1/3) + 0.1·0.5).
        double expected = 100 * ((0.3 * 5 / 7) + (0.2 * Math.Pow(2, -0.125)) + (0.1 * 216 / 7 / 80) + (0.1 * 1) + (0.1 * 0.95) + (0.1 * 2 / 3) + (0.1 * 0.5));
        Assert.Equal(expected, o.Score.Score!.Value, 9);
        Assert.Equal(74.7925, o.Score.Score!.Value, 4); // the value printed on the doc page
    }

    [Fact]
    public void WorkedExample_PerConversation_EnglishAndSpanish()
    {
        IReadOnlyList<ConversationResult> rows = Accumulate(WorkedExample()).ToConversationResults();
        Assert.Equal(["c1", "c2", "c3"], rows.Select(r => r.ConversationId));

        ConversationResult c1 = rows[0];
        Assert.Equal((3, 3, 2), (c1.InboundMessages, c1.OutboundMessages, c1.AnsweredOutbound));
        Assert.Equal(4500, c1.MeanCustomerResponseSeconds!.Value, 9);
        Assert.Equal(600, c1.AgentFirstResponseSeconds!.Value, 9);
        Assert.Equal(11_100, c1.DurationSeconds, 9);
        Assert.Equal(2, c1.Questions);
        Assert.Equal(1.0, c1.SentimentShift!.Value, 12);
        Assert.True(c1.Resolved);
        Assert.False(c1.Abandoned);

        // Lengths 41, 40, 14 at x = 0, 1, 2: slope = Sxy / Sxx = ((0−1)(41−31.667) + (2−1)(14−31.667)) / 2 = −13.5.
        Assert.Equal(-13.5, c1.MessageLengthTrend!.Value, 9);

        ConversationResult c2 = rows[1];
        Assert.True(c2.Abandoned);
        Assert.Null(c2.SentimentShift);
        Assert.Equal(0.5, c2.ResponseRate!.Value, 12);
        Assert.Null(c2.MessageLengthTrend); // one customer message

        ConversationResult c3 = rows[2]; // Spanish
        Assert.Equal((3, 2, 2), (c3.InboundMessages, c3.OutboundMessages, c3.AnsweredOutbound));
        Assert.Equal(1050, c3.MeanCustomerResponseSeconds!.Value, 9); // (1800 + 300) / 2
        Assert.Equal(1200, c3.AgentFirstResponseSeconds!.Value, 9);
        Assert.Equal(2, c3.Questions);
        Assert.Equal(0.8, c3.SentimentShift!.Value, 12);
        Assert.False(c3.Abandoned);
    }

    [Fact]
    public void WorkedExample_PerChannelAndCustomer()
    {
        ConversationAccumulator acc = Accumulate(WorkedExample());
        ConversationSummary summary = acc.ToResult();
        Assert.Equal(["chat", "email", "whatsapp"], summary.Channels.Select(c => c.Key));
        Assert.Equal(AsOf, summary.AsOf);
        ConversationSignals email = summary.Channels[1];
        Assert.Equal((2, 1), (email.ResponseRate.Count, email.ResponseRate.Successes));
        Assert.Equal(0, email.RepeatInteractionRate.Successes); // c2 (email) is not followed by another conversation
        Assert.Equal(1, summary.Channels[0].RepeatInteractionRate.Successes); // c1 (chat) is

        IReadOnlyList<CustomerEngagement> customers = acc.ToCustomerResults();
        Assert.Equal(["alice", "bruno"], customers.Select(c => c.CustomerId));
        Assert.Equal("chat", customers[0].PreferredChannel); // chat 2/3 beats email 1/2
        Assert.Empty(customers[0].IgnoredChannels);
        Assert.Equal((5L, 3L), (customers[0].Signals.ResponseRate.Count, customers[0].Signals.ResponseRate.Successes));
    }

    [Fact]
    public void AsOf_DefaultsToLatestMessage()
    {
        ConversationSummary r = Accumulate(WorkedExample(), ConversationOptions.Default).ToResult();
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 30, 0, TimeSpan.Zero), r.AsOf);
        Assert.Equal(0, r.Overall.AbandonmentRate.Successes); // c2's last message is the latest: not yet 24 h old
    }

    [Fact]
    public void IgnoredChannel_IsFlagged_WhenTheCustomerAnswersAnother()
    {
        var messages = new List<ConversationMessage>();
        for (int i = 0; i < 3; i++)
        {
            string day = $"2026-03-0{i + 2}";
            messages.Add(Msg($"e{i}", $"mail{i}", "carla", "email", MessageDirection.Outbound, day + "T09:00:00Z", "Newsletter"));
            messages.Add(Msg($"s{i}", $"sms{i}", "carla", "sms", MessageDirection.Outbound, day + "T10:00:00Z", "Your code"));
            messages.Add(Msg($"r{i}", $"sms{i}", "carla", "sms", MessageDirection.Inbound, day + "T10:05:00Z", "ok"));
        }

        CustomerEngagement carla = Assert.Single(Accumulate(messages.ToArray()).ToCustomerResults());
        Assert.Equal("sms", carla.PreferredChannel);
        Assert.Equal(["email"], carla.IgnoredChannels);
        Assert.True(carla.IgnoresAChannel);

        // Two email messages are below the minimum of three: not enough evidence to call the channel ignored.
        CustomerEngagement fewer = Assert.Single(Accumulate(messages.Where(m => m.MessageId != "e2").ToArray()).ToCustomerResults());
        Assert.Empty(fewer.IgnoredChannels);
    }

    [Fact]
    public void Trend_RaisesAlert_WithTheFallingSignals()
    {
        var messages = new List<ConversationMessage>
        {
            // Week of 2 March: answers within minutes, long messages.
            Msg("a1", "w1", "dana", "chat", MessageDirection.Outbound, "2026-03-02T09:00:00Z", "How can we help?"),
            Msg("a2", "w1", "dana", "chat", MessageDirection.Inbound, "2026-03-02T09:05:00Z", new string('x', 100)),
            // Week of 9 March: does not answer.
            Msg("b1", "w2", "dana", "chat", MessageDirection.Outbound, "2026-03-09T09:00:00Z", "Still there?"),
            Msg("b2", "w2", "dana", "chat", MessageDirection.Inbound, "2026-03-09T09:00:00Z", "k"),
        };
        EngagementTrend trend = Accumulate(messages.ToArray(), new ConversationOptions { AsOf = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero) }).ToTrend(EngagementPeriod.Week);

        CustomerTrend dana = Assert.Single(trend.Customers);
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], dana.Periods.Select(p => p.PeriodStart));
        DisengagementAlert alert = Assert.Single(dana.Alerts);
        Assert.True(alert.Drop > 15);
        // Weighted falls: response rate 0.3 × (1 − 0) = 0.3; retention 0.1 × (1 − 0) (the reply at the same instant sorts
        // before the question, which stays unanswered: abandoned); repeat 0.1 × (1 − 0) (w2 starts 6 d 23 h 55 min after
        // w1 ends, inside the 7-day window; nothing follows w2); length 0.1 × (1 − 1/80). Ties keep the documented
        // signal order. Speed has no week-2 value, so it is not compared.
        Assert.Equal(["responseRate", "retention", "repeatInteraction", "messageLength"], alert.FallingSignals);
        Assert.True(dana.Slope.Slope < 0);
    }

    [Theory]
    [InlineData("2026-03-04T10:00:00Z", EngagementPeriod.Day, "2026-03-04")]
    [InlineData("2026-03-04T10:00:00Z", EngagementPeriod.Week, "2026-03-02")] // Wednesday → Monday
    [InlineData("2026-03-01T10:00:00Z", EngagementPeriod.Week, "2026-02-23")] // Sunday belongs to the week before
    [InlineData("2026-03-04T10:00:00Z", EngagementPeriod.Month, "2026-03-01")]
    [InlineData("2026-08-04T10:00:00Z", EngagementPeriod.Quarter, "2026-07-01")]
    public void Periods_StartWhereTheCalendarSays(string at, EngagementPeriod period, string start)
    {
        long ticks = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).UtcTicks;
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), EngagementPeriods.Start(EngagementPeriods.Number(ticks, period), period));
    }

    [Fact]
    public void Empty_HasNoValues()
    {
        ConversationSummary r = new ConversationAccumulator().ToResult();
        Assert.Equal(0, r.Overall.Conversations);
        Assert.Null(r.Overall.ResponseRate.Value);
        Assert.Null(r.Overall.CustomerResponseTime.Median);
        Assert.Null(r.Overall.Score.Score);
        Assert.Null(r.AsOf);
        Assert.Empty(r.Channels);
    }

    [Fact]
    public void TwoCustomersInOneConversation_IsRejected_NamingBoth_AndNothingChanges()
    {
        ConversationAccumulator acc = Accumulate(WorkedExample());
        string before = Fingerprint(acc);
        ConversationMessage[] batch =
        [
            Msg("n1", "c9", "zoe", "sms", MessageDirection.Inbound, "2026-03-06T09:00:00Z", "hola"),
            Msg("n2", "c1", "alice", "sms", MessageDirection.Inbound, "2026-03-01T09:00:00Z", "earlier, other channel"),
            Msg("n3", "c3", "mallory", "whatsapp", MessageDirection.Inbound, "2026-03-04T09:10:00Z", "hi"),
        ];

        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Contains("n3", e.Message);
        Assert.Contains("'c3'", e.Message);
        Assert.Contains("'mallory'", e.Message);
        Assert.Contains("'bruno'", e.Message);
        Assert.Equal("CustomerId", e.ParamName);
        Assert.Equal(before, Fingerprint(acc));
        Assert.Equal(14, acc.Count);
        Assert.Equal(3, acc.ConversationCount);
    }

    [Theory]
    [InlineData("Direction")]
    [InlineData("Length")]
    [InlineData("Sentiment")]
    public void InvalidMessage_IsRejected_NamingIt_AndNothingChanges(string field)
    {
        ConversationAccumulator acc = Accumulate(WorkedExample());
        string before = Fingerprint(acc);
        ConversationMessage good = Msg("ok1", "c7", "erin", "sms", MessageDirection.Inbound, "2026-03-06T09:00:00Z", "hi");
        ConversationMessage bad = field switch
        {
            "Direction" => good with { MessageId = "bad7", Direction = (MessageDirection)7 },
            "Length" => good with { MessageId = "bad7", Length = -3 },
            _ => good with { MessageId = "bad7", Sentiment = 1.5 },
        };

        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange([good, bad]));
        Assert.Equal(field, e.ParamName);
        Assert.Contains("messages[1]", e.Message);
        Assert.Contains("'bad7'", e.Message);
        Assert.Equal(before, Fingerprint(acc));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BadMessage_InALaterChunk_UndoesTheEarlierChunks(bool secondCustomer)
    {
        ConversationAccumulator acc = Accumulate(WorkedExample());
        string before = Fingerprint(acc);
        ConversationMessage[] batch = Random(11, 3000).Select(m => m with { ConversationId = "x" + m.ConversationId }).ToArray();
        batch[2500] = secondCustomer
            ? batch[2500] with { ConversationId = "c1", CustomerId = "not-alice" }
            : batch[2500] with { Length = -1 };

        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.AddRange(batch));
        Assert.Contains("messages[2500]", e.Message);
        Assert.Equal(before, Fingerprint(acc));
        Assert.Equal(3, acc.ConversationCount);
    }

    [Fact]
    public void Merge_WithDifferentCustomers_IsRejected()
    {
        ConversationAccumulator a = Accumulate(WorkedExample());
        ConversationAccumulator b = Accumulate([Msg("x", "c1", "someone", "chat", MessageDirection.Inbound, "2026-03-03T09:00:00Z", "hi")]);
        string before = Fingerprint(a);
        ArgumentException e = Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Contains("'alice'", e.Message);
        Assert.Contains("'someone'", e.Message);
        Assert.Equal(before, Fingerprint(a));
    }

    [Fact]
    public void Scorer_FillsMissingSentiment_FromCustomerText()
    {
        ConversationMessage[] messages = WorkedExample().Select(m => m with { Sentiment = null }).ToArray();
        var acc = new ConversationAccumulator(Options, new Engagement.Metrics.Sentiment.LexiconSentimentScorer());
        acc.AddRange(messages);
        Assert.NotNull(acc.ToResult().Overall.MeanSentimentShift);
        Assert.Null(Accumulate(messages).ToResult().Overall.MeanSentimentShift);
    }

    [Fact]
    public void JsonState_RoundTrips_ToTheSameResults()
    {
        ConversationAccumulator acc = Accumulate(Random(5, 300));
        string json = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.ConversationAccumulator);
        ConversationAccumulator back = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.ConversationAccumulator)!;
        Assert.Equal(Fingerprint(acc), Fingerprint(back));
    }

    [Property(MaxTest = 60)]
    public bool RatesAndScores_AreInBounds(int seed, byte size)
    {
        ConversationAccumulator acc = Accumulate(Random(seed, size));
        bool ok = true;
        foreach (ConversationSignals s in acc.ToCustomerResults().Select(c => c.Signals).Append(acc.ToResult().Overall).Concat(acc.ToResult().Channels))
        {
            ok &= s.ResponseRate.Value is null or (>= 0 and <= 1);
            ok &= s.AbandonmentRate.Value is null or (>= 0 and <= 1);
            ok &= s.RepeatInteractionRate.Value is null or (>= 0 and <= 1);
            ok &= s.Score.Score is null or (>= 0 and <= 100);
        }

        return ok;
    }

    [Property(MaxTest = 40)]
    public bool ReorderingInput_DoesNotChangeResults(int seed, byte size)
    {
        ConversationMessage[] messages = Random(seed, size + 2);
        ConversationMessage[] shuffled = (ConversationMessage[])messages.Clone();
        new Random(seed ^ 0x5eed).Shuffle(shuffled);
        return Fingerprint(Accumulate(messages)) == Fingerprint(Accumulate(shuffled));
    }

    [Property(MaxTest = 40)]
    public bool MergeOfSplitByConversation_EqualsWhole(int seed, byte size)
    {
        ConversationMessage[] messages = Random(seed, size + 2);
        ConversationAccumulator left = Accumulate(messages.Where(m => m.ConversationId.GetHashCode(StringComparison.Ordinal) % 2 == 0).ToArray());
        ConversationAccumulator right = Accumulate(messages.Where(m => m.ConversationId.GetHashCode(StringComparison.Ordinal) % 2 != 0).ToArray());
        right.Merge(left);
        return Fingerprint(right) == Fingerprint(Accumulate(messages));
    }

    [Property(MaxTest = 40)]
    public bool MergeOfArbitrarySplit_EqualsWhole_EvenWithAConversationInBothParts(int seed, byte size, byte cut)
    {
        ConversationMessage[] messages = Random(seed, size + 2);
        int k = cut % messages.Length;
        ConversationAccumulator left = Accumulate(messages.AsSpan(0, k));
        left.Merge(Accumulate(messages.AsSpan(k)));
        return Fingerprint(left) == Fingerprint(Accumulate(messages));
    }
}

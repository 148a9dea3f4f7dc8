using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Triage;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Triage;

public class TriagePriorityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    // Worked example of docs/metrics/triage.md: equal 25-point weights.
    [Fact]
    public void Worked_example_sums_the_component_points()
    {
        PriorityScore p = TriagePriority.Calculate("I want to cancel, my lawyer will call", -0.6, 1000, TimeSpan.FromHours(6));

        Assert.Equal(15, p.SentimentPoints, 12);   // 25 × 0.6
        Assert.Equal(25, p.SeverityPoints, 12);    // "cancel*", "lawyer*": 2 terms / saturation 2 = 1
        Assert.Equal(25, p.ValuePoints, 12);       // ln(1001) / ln(1001) = 1
        Assert.Equal(6.25, p.WaitingPoints, 12);   // 6 h / 24 h = 0.25
        Assert.Equal(71.25, p.Score, 12);
        Assert.Equal(2, p.SeverityTerms);
        Assert.Equal("cancel*", p.SeverityTerm);
        Assert.Contains("severity 'cancel*' x2 -> 25", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_value_is_log_scaled_and_unknown_is_the_middle()
    {
        // ln(100) / ln(1001) = 4.605170 / 6.908755 = 0.666570 → 16.664 points
        Assert.Equal(16.6643, TriagePriority.Calculate("hola", 0, 99, TimeSpan.Zero).ValuePoints, 4);
        Assert.Equal(12.5, TriagePriority.Calculate("hola", 0, null, TimeSpan.Zero).ValuePoints, 12);
        Assert.Equal(25, TriagePriority.Calculate("hola", 0, 1e9, TimeSpan.Zero).ValuePoints, 12);
        Assert.Equal(0, TriagePriority.Calculate("hola", 0, 0, TimeSpan.Zero).Score, 12);
    }

    [Fact]
    public void Spanish_severity_terms_match_with_and_without_accents()
    {
        Assert.Equal(1, TriagePriority.Calculate("Pondré una RECLAMACIÓN", 0, null, TimeSpan.Zero).SeverityTerms);
        Assert.Equal(1, TriagePriority.Calculate("pondre una reclamacion", 0, null, TimeSpan.Zero).SeverityTerms);
        Assert.Equal(2, TriagePriority.Calculate("Quiero darme de baja o iré a la OCU", 0, null, TimeSpan.Zero).SeverityTerms);
        Assert.Equal(0, TriagePriority.Calculate("mi ocupación", 0, null, TimeSpan.Zero).SeverityTerms);
    }

    [Fact]
    public void Message_overload_uses_the_message_sentiment_or_the_scorer()
    {
        var m = new ConversationMessage { MessageId = "m1", ConversationId = "c1", CustomerId = "u1", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = T0, Text = "This is terrible, I want a refund" };
        var scorer = new LexiconSentimentScorer();
        PriorityScore scored = TriagePriority.Calculate(m, T0.AddHours(12), scorer);
        Assert.Equal(scorer.Score(m.Text).Compound, scored.SentimentCompound);
        Assert.Equal(12.5, scored.WaitingPoints, 12);
        PriorityScore given = TriagePriority.Calculate(m with { Sentiment = -1 }, T0.AddHours(12), scorer);
        Assert.Equal(25, given.SentimentPoints, 12);
    }

    [Fact]
    public void Bad_input_names_the_field_and_the_message()
    {
        Assert.Equal("sentimentCompound", Assert.Throws<ArgumentOutOfRangeException>(() => TriagePriority.Calculate("x", double.NaN, null, TimeSpan.Zero)).ParamName);
        var clv = Assert.Throws<ArgumentOutOfRangeException>(() => TriagePriority.Calculate("x", 0, -5, TimeSpan.Zero));
        Assert.Equal("customerValue", clv.ParamName);
        Assert.Contains("customerValue is -5", clv.Message, StringComparison.Ordinal);
        Assert.Equal("waiting", Assert.Throws<ArgumentOutOfRangeException>(() => TriagePriority.Calculate("x", 0, null, TimeSpan.FromSeconds(-1))).ParamName);
        var m = new ConversationMessage { MessageId = "m9", ConversationId = "c1", CustomerId = "u1", Channel = "sms", Direction = MessageDirection.Inbound, SentAt = T0, Text = "hi" };
        var asOf = Assert.Throws<ArgumentException>(() => TriagePriority.Calculate(m, T0.AddMinutes(-1), new LexiconSentimentScorer()));
        Assert.Equal("asOf", asOf.ParamName);
        Assert.Contains("'m9'", asOf.Message, StringComparison.Ordinal);
        Assert.Contains("before the message's SentAt", asOf.Message, StringComparison.Ordinal);
        var o = Assert.Throws<ArgumentException>(() => TriagePriority.Calculate("x", 0, null, TimeSpan.Zero, new PriorityOptions { SentimentWeight = 0, SeverityWeight = 0, ValueWeight = 0, WaitingWeight = 0 }));
        Assert.Contains("Every weight is 0", o.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Priority_lies_in_0_100(int sentiment, int clv, int minutes, string text)
    {
        double compound = (sentiment % 1001) / 1000.0;
        double? value = clv < 0 ? null : clv;
        PriorityScore p = TriagePriority.Calculate(text ?? string.Empty, compound, value, TimeSpan.FromMinutes(Math.Abs((long)minutes)));
        return p.Score >= 0 && p.Score <= 100
            && Math.Abs(p.Score - (p.SentimentPoints + p.SeverityPoints + p.ValuePoints + p.WaitingPoints)) < 1e-9;
    }

    [Property]
    public bool Priority_is_monotone_in_waiting_time(int a, int b, int sentiment)
    {
        long shorter = Math.Min(Math.Abs((long)a), Math.Abs((long)b));
        long longer = Math.Max(Math.Abs((long)a), Math.Abs((long)b));
        double compound = (sentiment % 1001) / 1000.0;
        return TriagePriority.Calculate("help", compound, 50, TimeSpan.FromMinutes(shorter)).Score
            <= TriagePriority.Calculate("help", compound, 50, TimeSpan.FromMinutes(longer)).Score;
    }

    [Property]
    public bool Priority_is_monotone_in_severity(string text, int sentiment, byte hours)
    {
        text ??= string.Empty;
        double compound = (sentiment % 1001) / 1000.0;
        double before = TriagePriority.Calculate(text, compound, null, TimeSpan.FromHours(hours)).Score;
        double after = TriagePriority.Calculate(text + " I will call my lawyer", compound, null, TimeSpan.FromHours(hours)).Score;
        double both = TriagePriority.Calculate(text + " I will call my lawyer and file a chargeback", compound, null, TimeSpan.FromHours(hours)).Score;
        return before <= after && after <= both;
    }

    [Fact]
    public void Ranking_keeps_open_inbound_messages_highest_priority_first_automated_last()
    {
        ConversationMessage[] messages =
        [
            Msg("m1", "c1", "u1", MessageDirection.Inbound, 0, "Where is my parcel?"),
            Msg("m2", "c1", "u1", MessageDirection.Outbound, 1, "It is on its way"),
            Msg("m3", "c2", "u2", MessageDirection.Inbound, 2, "This is a disgrace, I am calling my lawyer and filing a chargeback"),
            Msg("m4", "c3", "u3", MessageDirection.Inbound, 3, "WIN a FREE prize!!! Click here http://x.example complaint lawyer"),
            Msg("m5", "c4", "u4", MessageDirection.Inbound, 1, "Can you help me with my bill?"),
        ];
        var values = new Dictionary<string, double> { ["u4"] = 5000 };
        TriageEntry[] queue = TriageRanking.Build(messages, T0.AddHours(5), new LexiconSentimentScorer(), values);
        Assert.Equal(["m3", "m5", "m4"], queue.Select(e => e.MessageId).ToArray());
        Assert.Equal(MessageClass.Automated, queue[2].Classification.Class);
        Assert.True(queue[2].Priority.Score > queue[1].Priority.Score, "the spam scores high but is ranked last");
        Assert.Equal(5000, queue[1].Priority.CustomerValue);
        Assert.Equal(TimeSpan.FromHours(4), queue[1].Priority.Waiting);

        TriageEntry[] reversed = TriageRanking.Build(messages.Reverse().ToArray(), T0.AddHours(5), new LexiconSentimentScorer(), values);
        Assert.Equal(queue, reversed);
        Assert.Empty(TriageRanking.Build([], T0, new LexiconSentimentScorer()));
    }

    [Fact]
    public void Ranking_rejects_a_message_after_the_as_of_instant_naming_it()
    {
        ConversationMessage[] messages = [Msg("m1", "c1", "u1", MessageDirection.Inbound, 0, "hi"), Msg("m2", "c1", "u1", MessageDirection.Inbound, 9, "hello?")];
        var e = Assert.Throws<ArgumentException>(() => TriageRanking.Build(messages, T0.AddHours(1), new LexiconSentimentScorer()));
        Assert.Contains("messages[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("'m2'", e.Message, StringComparison.Ordinal);
        var clv = Assert.Throws<ArgumentOutOfRangeException>(() => TriageRanking.Build(messages.AsSpan(0, 1), T0.AddHours(1), new LexiconSentimentScorer(), new Dictionary<string, double> { ["u1"] = -3 }));
        Assert.Contains("customerValues['u1'] is -3", clv.Message, StringComparison.Ordinal);
    }

    private static ConversationMessage Msg(string id, string conversation, string customer, MessageDirection direction, int hour, string text) => new()
    {
        MessageId = id,
        ConversationId = conversation,
        CustomerId = customer,
        Channel = "chat",
        Direction = direction,
        SentAt = T0.AddHours(hour),
        Text = text,
    };
}

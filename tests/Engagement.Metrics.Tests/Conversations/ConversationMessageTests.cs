using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Tests.Conversations;

public class ConversationMessageTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConversationMessage Valid => new()
    {
        MessageId = "m1",
        ConversationId = "c1",
        CustomerId = "cust1",
        Channel = "sms",
        Direction = MessageDirection.Inbound,
        SentAt = At,
        Text = "¿Dónde está mi pedido?",
    };

    [Fact]
    public void Length_comes_from_the_text_unless_set()
    {
        Assert.Equal(22, Valid.Length);
        Assert.Equal(140, (Valid with { Length = 140 }).Length);
        Assert.Equal(0, (Valid with { Text = null }).Length);
    }

    [Fact]
    public void SentAt_is_stored_as_a_utc_instant()
    {
        var local = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
        ConversationMessage m = Valid with { SentAt = local };
        Assert.Equal(local, m.SentAt);
        Assert.Equal(TimeSpan.Zero, m.SentAt.Offset);
    }

    [Fact]
    public void A_valid_message_passes() => Valid.Validate();

    public static TheoryData<string, ConversationMessage> Broken => new()
    {
        { "ConversationId", Valid with { ConversationId = "" } },
        { "CustomerId", Valid with { CustomerId = "" } },
        { "Channel", Valid with { Channel = null! } },
        { "Direction", Valid with { Direction = (MessageDirection)7 } },
        { "Direction", Valid with { Direction = default } },
        { "Length", Valid with { Length = -3 } },
        { "Sentiment", Valid with { Sentiment = 1.5 } },
        { "Sentiment", Valid with { Sentiment = double.NaN } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_message_names_the_field_and_the_message(string field, ConversationMessage message)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(message.Validate);
        Assert.Equal(field, e.ParamName);
        Assert.Contains("conversation '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_covers_every_field()
    {
        Assert.Equal(Valid, Valid);
        Assert.True(Valid == Valid with { });
        Assert.NotEqual(Valid, Valid with { Resolved = true });
        Assert.NotEqual(Valid, Valid with { Sentiment = 0.2 });
        Assert.True(Valid != Valid with { Length = 5 });
    }
}

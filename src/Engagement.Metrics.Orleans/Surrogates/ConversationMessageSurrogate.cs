using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Orleans.Surrogates;

// ConversationMessage as it travels in grain calls and streams (the core package carries no Orleans attributes).
// Length travels only when it is not simply the text's length, so a round trip gives back an equal message.
[GenerateSerializer]
internal struct ConversationMessageSurrogate
{
    [Id(0)] public string MessageId;
    [Id(1)] public string ConversationId;
    [Id(2)] public string CustomerId;
    [Id(3)] public string Channel;
    [Id(4)] public MessageDirection Direction;
    [Id(5)] public long SentAt;
    [Id(6)] public string? Text;
    [Id(7)] public int? Length;
    [Id(8)] public double? Sentiment;
    [Id(9)] public bool Resolved;
}

[RegisterConverter]
internal sealed class ConversationMessageSurrogateConverter : IConverter<ConversationMessage, ConversationMessageSurrogate>
{
    public ConversationMessage ConvertFromSurrogate(in ConversationMessageSurrogate surrogate)
    {
        var message = new ConversationMessage
        {
            MessageId = surrogate.MessageId,
            ConversationId = surrogate.ConversationId,
            CustomerId = surrogate.CustomerId,
            Channel = surrogate.Channel,
            Direction = surrogate.Direction,
            SentAt = UtcTicks.ToTime(surrogate.SentAt),
            Text = surrogate.Text,
            Sentiment = surrogate.Sentiment,
            Resolved = surrogate.Resolved,
        };
        return surrogate.Length is int length ? message with { Length = length } : message;
    }

    public ConversationMessageSurrogate ConvertToSurrogate(in ConversationMessage value) => new()
    {
        MessageId = value.MessageId,
        ConversationId = value.ConversationId,
        CustomerId = value.CustomerId,
        Channel = value.Channel,
        Direction = value.Direction,
        SentAt = value.SentAt.UtcTicks,
        Text = value.Text,
        Length = value.Text is { } text && text.Length == value.Length ? null : value.Length,
        Sentiment = value.Sentiment,
        Resolved = value.Resolved,
    };
}

using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Tests.Conversations;

// The worked example of docs/metrics/engagement-signals.md: two English conversations (alice) and one Spanish (bruno).
internal static class ConversationExamples
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static ConversationMessage[] WorkedExample() =>
    [
        Msg("m1", "c1", "alice", "chat", MessageDirection.Inbound, "2026-03-03T09:00:00Z", "Hi, my order hasn't arrived. Where is it?", -0.4),
        Msg("m2", "c1", "alice", "chat", MessageDirection.Outbound, "2026-03-03T09:10:00Z", "Sorry about that! Can you send me the order number?"),
        Msg("m3", "c1", "alice", "chat", MessageDirection.Inbound, "2026-03-03T09:40:00Z", "Sure, it's 12345. How long will it take?", 0.0),
        Msg("m4", "c1", "alice", "chat", MessageDirection.Outbound, "2026-03-03T10:00:00Z", "It ships tomorrow."),
        Msg("m5", "c1", "alice", "chat", MessageDirection.Inbound, "2026-03-03T12:00:00Z", "Great, thanks!", 0.6),
        Msg("m6", "c1", "alice", "chat", MessageDirection.Outbound, "2026-03-03T12:05:00Z", "You're welcome.") with { Resolved = true },
        Msg("m7", "c2", "alice", "email", MessageDirection.Outbound, "2026-03-05T09:00:00Z", "Your invoice is ready."),
        Msg("m8", "c2", "alice", "email", MessageDirection.Inbound, "2026-03-05T10:00:00Z", "Why is it higher than last month", -0.5),
        Msg("m9", "c2", "alice", "email", MessageDirection.Outbound, "2026-03-05T10:30:00Z", "A price change in March; details attached."),
        Msg("m10", "c3", "bruno", "whatsapp", MessageDirection.Inbound, "2026-03-04T08:00:00Z", "¿Cuánto cuesta el envío a Sevilla?", 0.0),
        Msg("m11", "c3", "bruno", "whatsapp", MessageDirection.Outbound, "2026-03-04T08:20:00Z", "Son 4,99 €. ¿Quieres que lo añada al pedido?"),
        Msg("m12", "c3", "bruno", "whatsapp", MessageDirection.Inbound, "2026-03-04T08:50:00Z", "Sí, por favor. Cómo pago con tarjeta", 0.3),
        Msg("m13", "c3", "bruno", "whatsapp", MessageDirection.Outbound, "2026-03-04T09:00:00Z", "Te envío el enlace de pago."),
        Msg("m14", "c3", "bruno", "whatsapp", MessageDirection.Inbound, "2026-03-04T09:05:00Z", "Gracias, ¡perfecto!", 0.8),
    ];

    public static ConversationMessage Msg(
        string id, string conversation, string customer, string channel, MessageDirection direction, string sentAt, string? text, double? sentiment = null) =>
        new()
        {
            MessageId = id,
            ConversationId = conversation,
            CustomerId = customer,
            Channel = channel,
            Direction = direction,
            SentAt = DateTimeOffset.Parse(sentAt, System.Globalization.CultureInfo.InvariantCulture),
            Text = text,
            Sentiment = sentiment,
        };

    // A random but reproducible batch: conversations c0..c7, each with a fixed customer (so no conflicts), three
    // channels, times within three weeks, some sentiments, some resolved marks.
    public static ConversationMessage[] Random(int seed, int count)
    {
        var random = new Random(seed);
        string[] channels = ["chat", "email", "sms"];
        string[] texts = ["Where is my order?", "ok", "¿Cuándo llega?", "Thanks. How do I pay", "No me interesa", ""];
        var messages = new ConversationMessage[count];
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            int conversation = random.Next(8);
            messages[i] = new ConversationMessage
            {
                MessageId = "m" + i,
                ConversationId = "c" + conversation,
                CustomerId = "cust" + (conversation % 3),
                Channel = channels[random.Next(channels.Length)],
                Direction = random.Next(2) == 0 ? MessageDirection.Inbound : MessageDirection.Outbound,
                SentAt = start.AddMinutes(random.Next(30_000)),
                Text = random.Next(4) == 0 ? null : texts[random.Next(texts.Length)],
                Length = random.Next(3) == 0 ? random.Next(200) : int.MinValue,
                Sentiment = random.Next(3) == 0 ? null : Math.Round((random.NextDouble() * 2) - 1, 3),
                Resolved = random.Next(10) == 0,
            };
        }

        return messages;
    }
}

using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>Seeded synthetic conversations whose messages spread over several days, routed by each message's own day.</summary>
internal static class ConversationEvents
{
    public static MetricEvent<ConversationMessage>[] Generate(int seed, int conversations, DateOnly firstDay, int days)
    {
        var random = new Random(seed);
        var events = new List<MetricEvent<ConversationMessage>>();
        for (int c = 0; c < conversations; c++)
        {
            string channel = SurveyEvents.Segments[random.Next(SurveyEvents.Segments.Length)];
            string customer = $"cust{random.Next(conversations / 3)}";
            var at = new DateTimeOffset(firstDay.AddDays(random.Next(days - 3)), new TimeOnly(7, 0), TimeSpan.Zero).AddMinutes(random.Next(900));
            int messages = random.Next(1, 9);
            bool inbound = random.Next(3) > 0;
            for (int m = 0; m < messages; m++)
            {
                var message = new ConversationMessage
                {
                    MessageId = $"m{c}-{m}",
                    ConversationId = $"conv{seed}-{c}",
                    CustomerId = customer,
                    Channel = channel,
                    Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound,
                    SentAt = at,
                    Length = random.Next(0, 300),
                    Sentiment = inbound && random.Next(2) == 0 ? Math.Round(random.NextDouble() * 2 - 1, 3) : null,
                    Resolved = m == messages - 1 && random.Next(4) == 0,
                };
                events.Add(new MetricEvent<ConversationMessage>(channel, DateOnly.FromDateTime(at.UtcDateTime), message));
                at = at.AddMinutes(random.Next(2) == 0 ? random.Next(1, 120) : random.Next(120, 3000)); // some replies cross midnight or the 24 h window
                inbound = random.Next(4) > 0 ? !inbound : inbound;
            }
        }

        // Producers see messages in no particular order.
        return [.. events.OrderBy(_ => random.Next())];
    }
}

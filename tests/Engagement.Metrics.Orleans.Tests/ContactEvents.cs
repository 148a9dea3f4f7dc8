using Engagement.Metrics.Retention;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>Seeded synthetic contacts and customers for the service and churn metrics.</summary>
internal static class ContactEvents
{
    public const string NovemberChurn = "churn-2026-11";

    public static readonly DateOnly November = new(2026, 11, 1);

    /// <summary>Valid contacts of every kind (handled, abandoned, self-service, asynchronous), routed by channel and arrival day.</summary>
    public static MetricEvent<ContactRecord>[] Generate(int seed, int count, DateOnly firstDay, int days)
    {
        var random = new Random(seed);
        var events = new MetricEvent<ContactRecord>[count];
        for (int i = 0; i < count; i++)
        {
            string channel = SurveyEvents.Segments[random.Next(SurveyEvents.Segments.Length)];
            DateOnly day = firstDay.AddDays(random.Next(days));
            var queued = new DateTimeOffset(day, new TimeOnly(8, 0), TimeSpan.Zero).AddSeconds(random.Next(36_000));
            events[i] = new MetricEvent<ContactRecord>(channel, day, Contact(random, $"c{seed}-{i}", channel, queued));
        }

        return events;
    }

    private static ContactRecord Contact(Random random, string id, string channel, DateTimeOffset queued)
    {
        var contact = new ContactRecord
        {
            ContactId = id,
            CustomerId = $"cust{random.Next(500)}",
            Channel = channel,
            Reason = random.Next(3) switch { 0 => "billing", 1 => "delivery", _ => "account" },
            QueuedAt = queued,
        };
        int kind = random.Next(20);
        if (kind == 0)
        {
            return contact with { Abandoned = true, EndedAt = queued.AddSeconds(random.Next(1, 300)) };
        }

        if (kind == 1)
        {
            return contact with { SelfService = true, Resolved = random.Next(2) == 0, EndedAt = queued.AddSeconds(random.Next(30, 600)) };
        }

        DateTimeOffset answered = queued.AddSeconds(random.Next(0, 240));
        var talk = TimeSpan.FromSeconds(random.Next(30, 900));
        return contact with
        {
            AnsweredAt = answered,
            EndedAt = answered + talk,
            Talk = talk,
            Hold = TimeSpan.FromSeconds(random.Next(0, 4) * 30),
            Wrap = TimeSpan.FromSeconds(random.Next(0, 90)),
            Resolved = random.Next(10) < 7,
            Escalated = random.Next(20) == 0,
            FirstResponseAt = kind == 2 ? answered : null,
            ResolvedAt = kind == 2 ? answered + talk : null,
        };
    }

    /// <summary>Customers who started before or during November 2026, some lost before, in or after it, by plan.</summary>
    public static MetricEvent<CustomerRecord>[] Customers(int seed, int count)
    {
        var random = new Random(seed);
        var events = new MetricEvent<CustomerRecord>[count];
        for (int i = 0; i < count; i++)
        {
            DateOnly start = November.AddDays(random.Next(-200, 30));
            DateOnly? end = random.Next(3) == 0 ? start.AddDays(random.Next(1, 120)) : null;
            events[i] = new MetricEvent<CustomerRecord>(SurveyEvents.Segments[random.Next(SurveyEvents.Segments.Length)], November, new CustomerRecord($"k{i}", start, end));
        }

        return events;
    }
}

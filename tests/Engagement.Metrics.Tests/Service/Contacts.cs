using Engagement.Metrics.Service;

namespace Engagement.Metrics.Tests.Service;

/// <summary>The worked example of docs/metrics/*.md (service pages) and a generator of valid random contacts.</summary>
internal static class Contacts
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Channels = ["voice", "chat", "email", "ivr"];
    private static readonly string[] Reasons = ["billing", "delivery", "outage"];

    /// <summary>The nine contacts of the docs' worked example (docs/metrics/fcr.md and siblings).</summary>
    public static ContactRecord[] WorkedExample() =>
    [
        Voice("C1", "A", "billing", T0, 10, 240, 20, 0, 40, resolved: true),
        Voice("C2", "B", "billing", T0.AddSeconds(60), 30, 360, 60, 30, 50, resolved: true) with { Escalated = true },
        Abandon("C3", "C", "outage", T0.AddSeconds(120), 3),
        Abandon("C4", "D", "outage", T0.AddSeconds(180), 45),
        Voice("C5", "B", "billing", T0.AddDays(2), 5, 180, 0, 0, 20, resolved: true),
        new ContactRecord
        {
            ContactId = "C6", CustomerId = "E", Channel = "email", Reason = "delivery", QueuedAt = T0,
            Wrap = TimeSpan.FromSeconds(600), FirstResponseAt = T0.AddHours(2), ResolvedAt = T0.AddHours(30),
        },
        SelfService("C7", "F", "delivery", T0.AddSeconds(300), resolved: true),
        SelfService("C8", "G", "billing", T0.AddSeconds(400), resolved: true),
        Voice("C9", "G", "billing", T0.AddSeconds(4000), 15, 200, 0, 0, 40, resolved: false),
    ];

    public static ContactRecord Voice(string id, string customer, string reason, DateTimeOffset queued, int waitSeconds, int talk, int hold, int conference, int wrap, bool resolved)
    {
        DateTimeOffset answered = queued.AddSeconds(waitSeconds);
        return new ContactRecord
        {
            ContactId = id, CustomerId = customer, Channel = "voice", Reason = reason, QueuedAt = queued, AnsweredAt = answered,
            EndedAt = answered.AddSeconds(talk + hold + conference), Talk = TimeSpan.FromSeconds(talk), Hold = TimeSpan.FromSeconds(hold),
            Conference = TimeSpan.FromSeconds(conference), Wrap = TimeSpan.FromSeconds(wrap), Resolved = resolved,
        };
    }

    public static ContactRecord Abandon(string id, string customer, string reason, DateTimeOffset queued, int waitSeconds) => new()
    {
        ContactId = id, CustomerId = customer, Channel = "voice", Reason = reason, QueuedAt = queued, EndedAt = queued.AddSeconds(waitSeconds), Abandoned = true,
    };

    public static ContactRecord SelfService(string id, string customer, string reason, DateTimeOffset queued, bool resolved) => new()
    {
        ContactId = id, CustomerId = customer, Channel = "ivr", Reason = reason, QueuedAt = queued, EndedAt = queued.AddMinutes(3), SelfService = true, Resolved = resolved,
    };

    /// <summary>Valid contacts of every kind, reproducible from the seed; few customers so that repeats happen.</summary>
    public static ContactRecord[] Random(int seed, int count)
    {
        var rng = new Random(seed);
        var contacts = new ContactRecord[count];
        for (int i = 0; i < count; i++)
        {
            string channel = Channels[rng.Next(Channels.Length)];
            DateTimeOffset queued = T0.AddMinutes(rng.Next(0, 20 * 24 * 60)).AddSeconds(rng.Next(60));
            var c = new ContactRecord
            {
                ContactId = "R" + i,
                CustomerId = "c" + rng.Next(12),
                Channel = channel,
                Reason = Reasons[rng.Next(Reasons.Length)],
                QueuedAt = queued,
                Escalated = rng.Next(8) == 0,
                Resolved = rng.Next(4) != 0,
            };
            int kind = rng.Next(10);
            if (channel == "ivr" || kind == 0)
            {
                contacts[i] = c with { SelfService = true, EndedAt = queued.AddSeconds(rng.Next(30, 600)) };
            }
            else if (kind <= 2 && channel != "email")
            {
                contacts[i] = c with { Abandoned = true, Resolved = false, EndedAt = rng.Next(5) == 0 ? null : queued.AddSeconds(rng.Next(0, 120)) };
            }
            else
            {
                c = c with
                {
                    Talk = TimeSpan.FromSeconds(rng.Next(0, 900)),
                    Hold = TimeSpan.FromSeconds(rng.Next(0, 120)),
                    Conference = TimeSpan.FromSeconds(rng.Next(3) == 0 ? rng.Next(0, 200) : 0),
                    Wrap = TimeSpan.FromMilliseconds(rng.Next(0, 180_000)),
                };
                if (channel == "email")
                {
                    DateTimeOffset first = queued.AddMinutes(rng.Next(1, 48 * 60));
                    contacts[i] = c with { FirstResponseAt = first, ResolvedAt = rng.Next(3) == 0 ? null : first.AddHours(rng.Next(0, 100)) };
                }
                else
                {
                    DateTimeOffset answered = queued.AddSeconds(rng.Next(0, 90));
                    contacts[i] = c with { AnsweredAt = answered, EndedAt = answered + c.Talk + c.Hold + c.Conference };
                }
            }
        }

        return contacts;
    }
}

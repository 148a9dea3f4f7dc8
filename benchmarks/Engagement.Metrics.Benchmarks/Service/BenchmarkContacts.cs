using Engagement.Metrics.Service;

namespace Engagement.Metrics.Benchmarks.Service;

/// <summary>Synthetic contacts shared by the service and channel benchmarks, so both measure the same kind of data.</summary>
internal static class BenchmarkContacts
{
    private static readonly string[] Reasons = ["billing", "delivery", "outage", "account", "returns"];

    /// <summary>
    /// <paramref name="count"/> contacts from n/4 customers (at least 10), five reasons, arrivals spread over 30 days
    /// from 2026-03-01, a quarter unresolved; <paramref name="complete"/> adds the durations and timestamps its
    /// benchmark needs. Seeded, so every run sees the same data.
    /// </summary>
    public static ContactRecord[] Generate(int count, string[] channels, Func<Random, ContactRecord, ContactRecord> complete)
    {
        var random = new Random(20261124);
        string[] customers = Enumerable.Range(0, Math.Max(10, count / 4)).Select(i => "cust-" + i).ToArray();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var contacts = new ContactRecord[count];
        for (int i = 0; i < count; i++)
        {
            string channel = channels[random.Next(channels.Length)];
            DateTimeOffset queued = start.AddSeconds(random.Next(0, 30 * 86_400));
            var contact = new ContactRecord
            {
                ContactId = "k" + i,
                CustomerId = customers[random.Next(customers.Length)],
                Channel = channel,
                Reason = Reasons[random.Next(Reasons.Length)],
                QueuedAt = queued,
                Resolved = random.Next(4) != 0,
            };
            contacts[i] = complete(random, contact);
        }

        return contacts;
    }
}

using System.Globalization;
using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Benchmarks.Conversations;

/// <summary>
/// What the conversation accumulators keep, as opposed to what they allocate (BenchmarkDotNet's MemoryDiagnoser):
/// the managed heap after a full collection, with the accumulator alive and the input gone. A steady stream of 10⁵
/// messages a day (8 per conversation over about 4 hours, 25 000 customers, 4 channels) is generated in time order,
/// batch by batch, so the input never sits in memory. Run with <c>--retained-memory</c>.
/// </summary>
internal static class RetainedMemory
{
    private const int PerDay = 100_000;
    private const int Customers = 25_000;
    private static readonly string[] Channels = ["chat", "email", "sms", "whatsapp"];

    public static void Run()
    {
        Console.WriteLine("| messages | days | exact: kept | streaming: kept | streaming: open conversations |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (int messages in new[] { 1_000_000, 3_000_000, 10_000_000, 30_000_000 })
        {
            (long exact, _) = Measure(messages, streaming: false);
            (long streamed, int open) = Measure(messages, streaming: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {messages:N0} | {messages / PerDay} | {exact / 1048576.0:F0} MiB | {streamed / 1048576.0:F0} MiB | {open:N0} |"));
        }
    }

    private static (long Bytes, int Open) Measure(int messages, bool streaming)
    {
        string[] customers = [.. Enumerable.Range(0, Customers).Select(i => "u" + i)];
        long before = Heap();
        var exact = streaming ? null : new ConversationAccumulator();
        var stream = streaming ? new StreamingConversationAccumulator() : null;
        foreach (ConversationMessage[] batch in Generate(messages, customers))
        {
            exact?.AddRange(batch);
            stream?.AddRange(batch);
        }

        long kept = Heap() - before;
        GC.KeepAlive(exact);
        GC.KeepAlive(stream);
        return (kept, stream?.OpenConversations ?? 0);
    }

    // Hour by hour: the conversations starting in that hour send their 8 messages 30 minutes apart, so each hour's
    // batch holds the messages sent in it (sorted), drawn from the conversations of the last 4 hours.
    private static IEnumerable<ConversationMessage[]> Generate(int messages, string[] customers)
    {
        var random = new Random(20261124);
        int conversationsPerHour = PerDay / 24 / 8;
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        int hours = messages / (conversationsPerHour * 8);
        var pending = new List<ConversationMessage>();
        for (int h = 0; h < hours + 4; h++)
        {
            DateTimeOffset hourStart = start.AddHours(h);
            if (h < hours)
            {
                for (int c = 0; c < conversationsPerHour; c++)
                {
                    string id = string.Create(CultureInfo.InvariantCulture, $"c{h}-{c}");
                    string customer = customers[random.Next(customers.Length)];
                    string channel = Channels[random.Next(Channels.Length)];
                    DateTimeOffset at = hourStart.AddSeconds(random.Next(3600));
                    for (int k = 0; k < 8; k++)
                    {
                        pending.Add(new ConversationMessage
                        {
                            MessageId = string.Empty,
                            ConversationId = id,
                            CustomerId = customer,
                            Channel = channel,
                            Direction = k % 2 == 0 ? MessageDirection.Inbound : MessageDirection.Outbound,
                            SentAt = at.AddSeconds((k * 1800) + random.Next(600)),
                            Length = random.Next(1, 200),
                        });
                    }
                }
            }

            DateTimeOffset hourEnd = hourStart.AddHours(1);
            ConversationMessage[] due = [.. pending.Where(m => m.SentAt < hourEnd).OrderBy(m => m.SentAt)];
            pending.RemoveAll(m => m.SentAt < hourEnd);
            yield return due;
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

using BenchmarkDotNet.Attributes;
using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.Benchmarks.Conversations;

/// <summary>
/// The conversation signals over 10⁶ and 10⁷ messages (8 per conversation, 4 conversations per customer, 4 channels,
/// no text scoring): the single-pass <see cref="ConversationAccumulator"/> against a naive LINQ GroupBy computing the
/// same overall signals. Messages arrive in time order within each conversation but conversations interleave.
/// <see cref="Streaming"/> feeds the same messages in time order, in batches of 4 096, to the bounded-memory
/// <see cref="StreamingConversationAccumulator"/> (which needs time order up to its lateness bound).
/// </summary>
[MemoryDiagnoser]
public class ConversationBenchmark
{
    private static readonly string[] Channels = ["chat", "email", "sms", "whatsapp"];
    private ConversationMessage[] _messages = [];
    private ConversationMessage[] _sorted = [];

    [Params(1_000_000, 10_000_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        int conversations = Messages / 8;
        string[] conversationIds = Enumerable.Range(0, conversations).Select(i => "c" + i).ToArray();
        string[] customerIds = Enumerable.Range(0, Math.Max(1, conversations / 4)).Select(i => "u" + i).ToArray();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var starts = new DateTimeOffset[conversations];
        for (int c = 0; c < conversations; c++)
        {
            starts[c] = start.AddSeconds(random.Next(0, 30 * 86_400));
        }

        _messages = new ConversationMessage[Messages];
        for (int i = 0; i < Messages; i++)
        {
            // Round-robin over blocks of 1 024 conversations, so each conversation's 8 messages are spread through the input.
            int block = i / (1024 * 8), offset = i % (1024 * 8);
            int c = Math.Min(conversations - 1, (block * 1024) + (offset % 1024));
            int k = offset / 1024;
            _messages[i] = new ConversationMessage
            {
                MessageId = string.Empty,
                ConversationId = conversationIds[c],
                CustomerId = customerIds[c % customerIds.Length],
                Channel = Channels[c % Channels.Length],
                Direction = (k + c) % 2 == 0 ? MessageDirection.Outbound : MessageDirection.Inbound,
                SentAt = starts[c].AddSeconds((k * 1800) + random.Next(600)),
                Length = random.Next(1, 200),
            };
        }

        _sorted = [.. _messages.OrderBy(m => m.SentAt)];
    }

    [Benchmark]
    public double Accumulator()
    {
        var acc = new ConversationAccumulator();
        acc.AddRange(_messages);
        return acc.ToResult().Overall.Score.Score ?? 0;
    }

    [Benchmark]
    public double Streaming()
    {
        var acc = new StreamingConversationAccumulator();
        ReadOnlySpan<ConversationMessage> messages = _sorted;
        for (int from = 0; from < messages.Length; from += 4096)
        {
            acc.AddRange(messages.Slice(from, Math.Min(4096, messages.Length - from)));
        }

        return acc.ToResult().Overall.Score.Score ?? 0;
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinq()
    {
        TimeSpan window = TimeSpan.FromHours(24);
        var conversations = _messages.GroupBy(m => m.ConversationId)
            .Select(g =>
            {
                ConversationMessage[] ordered = g.OrderBy(m => m.SentAt).ThenBy(m => m.Direction).ToArray();
                int outbound = ordered.Count(m => !m.IsInbound);
                int answered = ordered.Select((m, i) => (m, i)).Count(x => !x.m.IsInbound
                    && ordered.Skip(x.i + 1).FirstOrDefault(n => n.IsInbound) is { ConversationId: not null } reply && reply.IsInbound && reply.SentAt - x.m.SentAt <= window);
                double[] responses = ordered.Select((m, i) => (m, i)).Where(x => x.i > 0 && x.m.IsInbound && !ordered[x.i - 1].IsInbound)
                    .Select(x => (x.m.SentAt - ordered[x.i - 1].SentAt).TotalSeconds).ToArray();
                return new
                {
                    Customer = g.First().CustomerId,
                    Start = ordered[0].SentAt,
                    End = ordered[^1].SentAt,
                    Outbound = outbound,
                    Answered = answered,
                    Responses = responses,
                    Length = ordered.Where(m => m.IsInbound).Sum(m => (long)m.Length),
                    Inbound = ordered.Count(m => m.IsInbound),
                    LastOutbound = !ordered[^1].IsInbound && ordered.Any(m => m.IsInbound),
                };
            })
            .ToList();
        DateTimeOffset asOf = conversations.Max(c => c.End);
        double responseRate = (double)conversations.Sum(c => c.Answered) / conversations.Sum(c => c.Outbound);
        double[] allResponses = conversations.SelectMany(c => c.Responses).OrderBy(x => x).ToArray();
        double median = allResponses.Length == 0 ? 0 : allResponses[allResponses.Length / 2];
        double meanDuration = conversations.Average(c => (c.End - c.Start).TotalSeconds);
        double meanLength = (double)conversations.Sum(c => c.Length) / conversations.Sum(c => c.Inbound);
        double abandonment = conversations.Count(c => c.LastOutbound && asOf - c.End > window) / (double)conversations.Count;
        double repeat = conversations.GroupBy(c => c.Customer)
            .Count(g => g.Any(a => g.Any(b => !ReferenceEquals(a, b) && b.Start >= a.End && b.Start - a.End <= TimeSpan.FromDays(7))))
            / (double)conversations.Select(c => c.Customer).Distinct().Count();
        return responseRate + median + meanDuration + meanLength + abandonment + repeat;
    }
}

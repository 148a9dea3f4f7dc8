using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// A closed conversation the <see cref="StreamingConversationAccumulator"/> still remembers, because the customer's
/// next conversation could yet start within the repeat window; its other signals are already in the totals.
/// </summary>
public sealed class ClosedConversation
{
    /// <summary>Creates the record (also the JSON constructor).</summary>
    /// <param name="channel">The conversation's channel.</param>
    /// <param name="start">Its first message.</param>
    /// <param name="end">Its last message; not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    [JsonConstructor]
    public ClosedConversation(string channel, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (end < start)
        {
            throw new ArgumentException($"end ({end:O}) is before start ({start:O}).", nameof(end));
        }

        Channel = channel;
        Start = start;
        End = end;
    }

    /// <summary>The conversation's channel (that of its first message).</summary>
    public string Channel { get; }

    /// <summary>When the conversation started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the conversation ended.</summary>
    public DateTimeOffset End { get; }
}

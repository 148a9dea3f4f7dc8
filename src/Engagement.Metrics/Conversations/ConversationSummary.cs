using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>The conversation signals overall and per channel (<see cref="ConversationAccumulator.ToResult"/>).</summary>
public sealed class ConversationSummary
{
    /// <summary>Creates a summary (also the JSON constructor).</summary>
    /// <param name="asOf">The instant abandonment was judged at, or null without messages.</param>
    /// <param name="overall">The signals over every conversation.</param>
    /// <param name="channels">The signals per channel, in ordinal channel order.</param>
    [JsonConstructor]
    public ConversationSummary(DateTimeOffset? asOf, ConversationSignals overall, IReadOnlyList<ConversationSignals> channels)
    {
        AsOf = asOf;
        Overall = overall;
        Channels = channels;
    }

    /// <summary>The instant abandonment was judged at: the options' <see cref="ConversationOptions.AsOf"/> or the latest message.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>The signals over every conversation (key empty).</summary>
    public ConversationSignals Overall { get; }

    /// <summary>The signals per channel (key = channel), in ordinal channel order.</summary>
    public IReadOnlyList<ConversationSignals> Channels { get; }
}

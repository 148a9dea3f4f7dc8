using Engagement.Metrics.Conversations;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// The ready-made definition of the conversation engagement signals and engagement score over
/// <see cref="ConversationMessage"/> observations, kept in a <see cref="ConversationAccumulator"/>.
/// </summary>
/// <remarks>
/// <para>
/// The accumulator is keyed by conversation and merges a conversation split across partitions exactly, so week and
/// month queries equal one <see cref="ConversationAccumulator"/> fed every message, whatever day grain each message
/// landed in. Route each message to the day its <em>conversation started</em> (when the producer knows it) so that a
/// day query sees whole conversations; routed by the message's own day, a day query sees that day's part of each
/// conversation, and weeks and months are still exact.
/// </para>
/// <para>
/// Send provided sentiment scores (<see cref="ConversationMessage.Sentiment"/>) rather than text where you can: text
/// makes batches heavy, and is scored on the silo only when a scorer is given here. Memory per day grain is about 24
/// bytes per message (see docs/metrics/engagement-signals.md).
/// </para>
/// </remarks>
public static class ConversationMetrics
{
    /// <summary>The default name of the conversations metric.</summary>
    public const string ConversationsName = "conversations";

    /// <summary>Conversation signals kept in a <see cref="ConversationAccumulator"/>.</summary>
    /// <param name="options">Windows, as-of instant and score weights; <see cref="ConversationOptions.Default"/> when null.</param>
    /// <param name="scorer">Scores customer messages that carry text but no sentiment, on the silo; none when null.</param>
    /// <param name="name">The metric name.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition<ConversationAccumulator, ConversationMessage> Conversations(
        ConversationOptions? options = null,
        ISentimentScorer? scorer = null,
        string name = ConversationsName)
    {
        var template = new ConversationAccumulator(options, scorer);
        return new(
            name,
            EngagementMetricsJsonContext.Default.ConversationAccumulator,
            template.CreateEmpty,
            static (accumulator, messages) => accumulator.AddRange(messages),
            static (into, from) => into.Merge(from));
    }
}

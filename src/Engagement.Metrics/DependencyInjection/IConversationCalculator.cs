using Engagement.Metrics.Conversations;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Conversation engagement signals and the engagement score with the registered <see cref="ConversationOptions"/>,
/// scoring customer text with the registered <see cref="Sentiment.ISentimentScorer"/>: the injectable face of
/// <see cref="ConversationAccumulator"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; each call works on its own accumulator.</remarks>
public interface IConversationCalculator
{
    /// <summary>The signals per channel and overall; see <see cref="ConversationAccumulator.ToResult"/>.</summary>
    /// <param name="messages">The messages, in any order.</param>
    /// <returns>The signals and engagement scores.</returns>
    ConversationSummary Calculate(ReadOnlySpan<ConversationMessage> messages);

    /// <summary>The signals, score and channel preference per customer; see <see cref="ConversationAccumulator.ToCustomerResults"/>.</summary>
    /// <param name="messages">The messages, in any order.</param>
    /// <returns>One result per customer.</returns>
    IReadOnlyList<CustomerEngagement> CalculateCustomers(ReadOnlySpan<ConversationMessage> messages);

    /// <summary>A new, empty accumulator with the registered options and scorer, for streaming and merging.</summary>
    /// <returns>The accumulator.</returns>
    ConversationAccumulator CreateAccumulator();
}

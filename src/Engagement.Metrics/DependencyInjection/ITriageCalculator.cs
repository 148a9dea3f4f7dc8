using Engagement.Metrics.Conversations;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.DependencyInjection;

/// <summary>
/// Triage of inbound messages with the registered <see cref="TriageOptions"/> and <see cref="TriageAlertOptions"/>,
/// scoring sentiment with the registered <see cref="Sentiment.ISentimentScorer"/>: the injectable face of
/// <see cref="MessageClassifier"/>, <see cref="TriagePriority"/>, <see cref="TriageRanking"/> and <see cref="TriageAlerts"/>.
/// </summary>
/// <remarks>Implementations are thread-safe singletons; every method gives the same result as the static calculator with the same options and scorer.</remarks>
public interface ITriageCalculator
{
    /// <summary>Interactive, informational or automated, with the features that fired; see <see cref="MessageClassifier.Classify(ReadOnlySpan{char}, MessageClassifierOptions?)"/>.</summary>
    /// <param name="text">The message text.</param>
    /// <returns>The class, scores and reasons.</returns>
    MessageClassification Classify(ReadOnlySpan<char> text);

    /// <summary>The 0–100 priority of one inbound message; see <see cref="TriagePriority.Calculate(in ConversationMessage, DateTimeOffset, Sentiment.ISentimentScorer, double?, PriorityOptions?)"/>.</summary>
    /// <param name="message">The inbound message.</param>
    /// <param name="asOf">The instant waiting time is measured to.</param>
    /// <param name="customerValue">The customer's CLV, or null when unknown.</param>
    /// <returns>The score and its components.</returns>
    PriorityScore Prioritize(in ConversationMessage message, DateTimeOffset asOf, double? customerValue = null);

    /// <summary>The unanswered inbound messages, classified and ranked by priority; see <see cref="TriageRanking.Build"/>.</summary>
    /// <param name="messages">The messages, in any order.</param>
    /// <param name="asOf">The instant waiting time is measured to.</param>
    /// <param name="customerValues">CLV by customer id, when known.</param>
    /// <returns>The ranked entries, most urgent first.</returns>
    IReadOnlyList<TriageEntry> Rank(ReadOnlySpan<ConversationMessage> messages, DateTimeOffset asOf, IReadOnlyDictionary<string, double>? customerValues = null);

    /// <summary>An alert when a customer's engagement score fell past the registered thresholds; see <see cref="TriageAlerts.CheckPassive(string, double, double, TriageAlertOptions?)"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="previousEngagement">The previous period's engagement score (0–100).</param>
    /// <param name="currentEngagement">This period's engagement score (0–100).</param>
    /// <returns>The alert with its reasons, or null.</returns>
    TriageAlert? CheckPassive(string customerId, double previousEngagement, double currentEngagement);

    /// <summary>An alert when a customer's sentiment turned hostile; see <see cref="TriageAlerts.CheckHostile(string, double?, double, TriageAlertOptions?)"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="previousMeanCompound">The customer's previous mean compound score, or null when none.</param>
    /// <param name="currentCompound">The latest compound score.</param>
    /// <returns>The alert with its reasons, or null.</returns>
    TriageAlert? CheckHostile(string customerId, double? previousMeanCompound, double currentCompound);
}

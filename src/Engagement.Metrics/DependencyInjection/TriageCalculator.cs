using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class TriageCalculator(TriageOptions options, TriageAlertOptions alertOptions, ISentimentScorer scorer) : ITriageCalculator
{
    public MessageClassification Classify(ReadOnlySpan<char> text) => MessageClassifier.Classify(text, options.Classifier);

    public PriorityScore Prioritize(in ConversationMessage message, DateTimeOffset asOf, double? customerValue = null) =>
        TriagePriority.Calculate(message, asOf, scorer, customerValue, options.Priority);

    public IReadOnlyList<TriageEntry> Rank(ReadOnlySpan<ConversationMessage> messages, DateTimeOffset asOf, IReadOnlyDictionary<string, double>? customerValues = null) =>
        TriageRanking.Build(messages, asOf, scorer, customerValues, options);

    public TriageAlert? CheckPassive(string customerId, double previousEngagement, double currentEngagement) =>
        TriageAlerts.CheckPassive(customerId, previousEngagement, currentEngagement, alertOptions);

    public TriageAlert? CheckHostile(string customerId, double? previousMeanCompound, double currentCompound) =>
        TriageAlerts.CheckHostile(customerId, previousMeanCompound, currentCompound, alertOptions);
}

using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.DependencyInjection;

internal sealed class ConversationCalculator(ConversationOptions options, ISentimentScorer scorer) : IConversationCalculator
{
    public ConversationSummary Calculate(ReadOnlySpan<ConversationMessage> messages) => Fill(messages).ToResult();

    public IReadOnlyList<CustomerEngagement> CalculateCustomers(ReadOnlySpan<ConversationMessage> messages) => Fill(messages).ToCustomerResults();

    public ConversationAccumulator CreateAccumulator() => new(options, scorer);

    private ConversationAccumulator Fill(ReadOnlySpan<ConversationMessage> messages)
    {
        ConversationAccumulator accumulator = CreateAccumulator();
        accumulator.AddRange(messages);
        return accumulator;
    }
}

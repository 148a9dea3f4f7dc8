using System.Text.Json.Serialization;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The engagement signals of a group of conversations — overall, one channel, or one customer (definitions in
/// docs/metrics/engagement-signals.md).
/// </summary>
/// <remarks>
/// Times are in seconds; medians and p90s are exact (numpy "linear" quantiles). Rates carry their counts and Wilson
/// intervals. Values without data are <see langword="null"/>.
/// </remarks>
public sealed class ConversationSignals
{
    /// <summary>Creates the signals (also the JSON constructor).</summary>
    /// <param name="key">The group: a channel, a customer id, or empty for overall.</param>
    /// <param name="conversations">Number of conversations.</param>
    /// <param name="customers">Number of distinct customers.</param>
    /// <param name="messages">Number of messages.</param>
    /// <param name="inboundMessages">Number of customer messages.</param>
    /// <param name="responseRate">Outbound messages answered within the response window.</param>
    /// <param name="customerResponseTime">Customer response times.</param>
    /// <param name="agentFirstResponseTime">Agent first-response times.</param>
    /// <param name="duration">Conversation durations.</param>
    /// <param name="meanCustomerMessageLength">Mean customer message length in characters.</param>
    /// <param name="questionsPerConversation">Customer questions per conversation with customer text.</param>
    /// <param name="meanSentimentShift">Mean sentiment shift over conversations that have one.</param>
    /// <param name="abandonmentRate">Conversations abandoned.</param>
    /// <param name="repeatInteractionRate">Customers who came back within the repeat window.</param>
    /// <param name="timeBetweenConversations">Times from a conversation's end to the customer's next conversation (repeats only).</param>
    /// <param name="score">The engagement score of these signals.</param>
    [JsonConstructor]
    public ConversationSignals(
        string key,
        long conversations,
        long customers,
        long messages,
        long inboundMessages,
        RateResult responseRate,
        DurationResult customerResponseTime,
        DurationResult agentFirstResponseTime,
        DurationResult duration,
        double? meanCustomerMessageLength,
        double? questionsPerConversation,
        double? meanSentimentShift,
        RateResult abandonmentRate,
        RateResult repeatInteractionRate,
        DurationResult timeBetweenConversations,
        EngagementScoreResult score)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        Conversations = conversations;
        Customers = customers;
        Messages = messages;
        InboundMessages = inboundMessages;
        ResponseRate = responseRate;
        CustomerResponseTime = customerResponseTime;
        AgentFirstResponseTime = agentFirstResponseTime;
        Duration = duration;
        MeanCustomerMessageLength = meanCustomerMessageLength;
        QuestionsPerConversation = questionsPerConversation;
        MeanSentimentShift = meanSentimentShift;
        AbandonmentRate = abandonmentRate;
        RepeatInteractionRate = repeatInteractionRate;
        TimeBetweenConversations = timeBetweenConversations;
        Score = score;
    }

    /// <summary>The group: a channel, a customer id, or empty for overall.</summary>
    public string Key { get; }

    /// <summary>Number of conversations.</summary>
    public long Conversations { get; }

    /// <summary>Number of distinct customers.</summary>
    public long Customers { get; }

    /// <summary>Number of messages (both directions).</summary>
    public long Messages { get; }

    /// <summary>Number of customer (inbound) messages.</summary>
    public long InboundMessages { get; }

    /// <summary>Mean messages per conversation, or <see langword="null"/> without conversations.</summary>
    [JsonIgnore]
    public double? MessagesPerConversation => Conversations > 0 ? (double)Messages / Conversations : null;

    /// <summary>Share of outbound messages followed by a customer message within the response window (count = outbound messages).</summary>
    public RateResult ResponseRate { get; }

    /// <summary>Time from the last outbound message before a customer message to that customer message, for every customer message that follows an outbound one (seconds).</summary>
    public DurationResult CustomerResponseTime { get; }

    /// <summary>Time from a conversation's first customer message to the first outbound message after it (seconds).</summary>
    public DurationResult AgentFirstResponseTime { get; }

    /// <summary>Conversation duration: last message time − first message time (seconds).</summary>
    public DurationResult Duration { get; }

    /// <summary>Mean customer message length, Σ lengths / customer messages, in characters.</summary>
    public double? MeanCustomerMessageLength { get; }

    /// <summary>Customer question sentences per conversation, over conversations with customer text.</summary>
    public double? QuestionsPerConversation { get; }

    /// <summary>Mean sentiment shift (last third − first third of customer messages), over conversations that have one.</summary>
    public double? MeanSentimentShift { get; }

    /// <summary>Share of conversations abandoned: last message outbound, unanswered past the response window as of the "as of" instant, not resolved, and the customer had written before.</summary>
    public RateResult AbandonmentRate { get; }

    /// <summary>Share of customers with a conversation in this group followed by another of theirs starting within the repeat window after it ended (count = customers).</summary>
    public RateResult RepeatInteractionRate { get; }

    /// <summary>Time from the end of a conversation to the start of the customer's next one, for repeated conversations (seconds).</summary>
    public DurationResult TimeBetweenConversations { get; }

    /// <summary>The engagement score (0–100) of these signals and its normalised inputs.</summary>
    public EngagementScoreResult Score { get; }
}

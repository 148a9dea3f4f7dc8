using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>The signals of one conversation (definitions in docs/metrics/engagement-signals.md).</summary>
public sealed class ConversationResult
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="customerId">The customer id.</param>
    /// <param name="channel">The channel of the earliest message.</param>
    /// <param name="start">The first message's time.</param>
    /// <param name="end">The last message's time.</param>
    /// <param name="inboundMessages">Customer messages.</param>
    /// <param name="outboundMessages">Outbound messages.</param>
    /// <param name="answeredOutbound">Outbound messages answered within the response window.</param>
    /// <param name="meanCustomerResponseSeconds">Mean customer response time.</param>
    /// <param name="medianCustomerResponseSeconds">Median customer response time.</param>
    /// <param name="agentFirstResponseSeconds">Agent first-response time.</param>
    /// <param name="meanCustomerMessageLength">Mean customer message length.</param>
    /// <param name="messageLengthTrend">OLS slope of customer message length per message.</param>
    /// <param name="questions">Customer question sentences, or null without customer text.</param>
    /// <param name="sentimentShift">Sentiment shift, or null with fewer than two scored customer messages.</param>
    /// <param name="resolved">Whether a message marked it resolved.</param>
    /// <param name="abandoned">Whether it was abandoned.</param>
    [JsonConstructor]
    public ConversationResult(
        string conversationId, string customerId, string channel, DateTimeOffset start, DateTimeOffset end,
        int inboundMessages, int outboundMessages, int answeredOutbound,
        double? meanCustomerResponseSeconds, double? medianCustomerResponseSeconds, double? agentFirstResponseSeconds,
        double? meanCustomerMessageLength, double? messageLengthTrend, int? questions, double? sentimentShift, bool resolved, bool abandoned)
    {
        ConversationId = conversationId;
        CustomerId = customerId;
        Channel = channel;
        Start = start;
        End = end;
        InboundMessages = inboundMessages;
        OutboundMessages = outboundMessages;
        AnsweredOutbound = answeredOutbound;
        MeanCustomerResponseSeconds = meanCustomerResponseSeconds;
        MedianCustomerResponseSeconds = medianCustomerResponseSeconds;
        AgentFirstResponseSeconds = agentFirstResponseSeconds;
        MeanCustomerMessageLength = meanCustomerMessageLength;
        MessageLengthTrend = messageLengthTrend;
        Questions = questions;
        SentimentShift = sentimentShift;
        Resolved = resolved;
        Abandoned = abandoned;
    }

    /// <summary>The conversation id.</summary>
    public string ConversationId { get; }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The channel of the earliest message.</summary>
    public string Channel { get; }

    /// <summary>The first message's time.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The last message's time.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Number of customer messages.</summary>
    public int InboundMessages { get; }

    /// <summary>Number of outbound messages.</summary>
    public int OutboundMessages { get; }

    /// <summary>Outbound messages followed by a customer message within the response window.</summary>
    public int AnsweredOutbound { get; }

    /// <summary>Number of messages.</summary>
    [JsonIgnore]
    public int Messages => InboundMessages + OutboundMessages;

    /// <summary>Duration in seconds (last − first message).</summary>
    [JsonIgnore]
    public double DurationSeconds => (End - Start).TotalSeconds;

    /// <summary>Response rate: answered / outbound, or <see langword="null"/> without outbound messages.</summary>
    [JsonIgnore]
    public double? ResponseRate => OutboundMessages > 0 ? (double)AnsweredOutbound / OutboundMessages : null;

    /// <summary>Mean customer response time in seconds.</summary>
    public double? MeanCustomerResponseSeconds { get; }

    /// <summary>Median customer response time in seconds.</summary>
    public double? MedianCustomerResponseSeconds { get; }

    /// <summary>Agent first-response time in seconds.</summary>
    public double? AgentFirstResponseSeconds { get; }

    /// <summary>Mean customer message length in characters.</summary>
    public double? MeanCustomerMessageLength { get; }

    /// <summary>OLS slope of customer message length (characters) against message number 0, 1, 2, …: positive when the customer writes more as the conversation goes on.</summary>
    public double? MessageLengthTrend { get; }

    /// <summary>Customer question sentences, or <see langword="null"/> when no customer message had text.</summary>
    public int? Questions { get; }

    /// <summary>Sentiment shift (last third − first third of the customer's scored messages), −2..2.</summary>
    public double? SentimentShift { get; }

    /// <summary>Whether a message marked the conversation resolved.</summary>
    public bool Resolved { get; }

    /// <summary>Whether the conversation was abandoned (see <see cref="ConversationSignals.AbandonmentRate"/>).</summary>
    public bool Abandoned { get; }
}

namespace Engagement.Metrics.Conversations;

/// <summary>Who sent a conversation message, seen from the company's side.</summary>
/// <remarks>The zero value is deliberately not a direction, so a message whose direction was never set fails validation.</remarks>
public enum MessageDirection
{
    /// <summary>From the customer to the company (CSV: <c>inbound</c>).</summary>
    Inbound = 1,

    /// <summary>From the company (an agent, a bot or a campaign) to the customer (CSV: <c>outbound</c>).</summary>
    Outbound = 2,
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Triage;

/// <summary>One open (unanswered) inbound message in the triage queue: who sent it, its class and its priority.</summary>
public readonly struct TriageEntry : IEquatable<TriageEntry>
{
    /// <summary>Creates an entry, for example after JSON deserialization.</summary>
    /// <param name="messageId">The message id (may be empty).</param>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="customerId">The customer id.</param>
    /// <param name="classification">The message's class and reasons.</param>
    /// <param name="priority">The message's priority and reasons.</param>
    [JsonConstructor]
    public TriageEntry(string messageId, string conversationId, string customerId, MessageClassification classification, PriorityScore priority)
    {
        MessageId = messageId ?? throw new ArgumentNullException(nameof(messageId));
        ConversationId = conversationId ?? throw new ArgumentNullException(nameof(conversationId));
        CustomerId = customerId ?? throw new ArgumentNullException(nameof(customerId));
        Classification = classification;
        Priority = priority;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The conversation id.</summary>
    public string ConversationId { get; }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The class, scores and fired features.</summary>
    public MessageClassification Classification { get; }

    /// <summary>The priority and its component points.</summary>
    public PriorityScore Priority { get; }

    /// <inheritdoc />
    public bool Equals(TriageEntry other) =>
        string.Equals(MessageId, other.MessageId, StringComparison.Ordinal) && string.Equals(ConversationId, other.ConversationId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) && Classification == other.Classification && Priority == other.Priority;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TriageEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MessageId, ConversationId, CustomerId, Classification, Priority);

    /// <summary>Formats as <c>m12 (c3, cust7): Interactive, priority 54.3</c>.</summary>
    /// <returns>The formatted entry.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MessageId} ({ConversationId}, {CustomerId}): {Classification.Class}, priority {Priority.Score:0.#}");

    /// <summary>Compares two entries for equality.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(TriageEntry left, TriageEntry right) => left.Equals(right);

    /// <summary>Compares two entries for inequality.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(TriageEntry left, TriageEntry right) => !left.Equals(right);
}

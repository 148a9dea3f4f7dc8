using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// One message in a conversation between a customer and the company, on any channel (SMS, chat, email, social,
/// messaging apps). The input of every conversation engagement signal.
/// </summary>
/// <remarks>
/// <para>
/// A conversation belongs to exactly one customer; its messages may arrive in any order and are put in time order by
/// the calculators. <see cref="Length"/> is the message length in characters: set it when the export carries lengths
/// only, otherwise it is taken from <see cref="Text"/>. <see cref="Sentiment"/> is an optional compound score
/// (−1..1) computed upstream; when it is absent and text is present, an <c>ISentimentScorer</c> can score the text.
/// </para>
/// <para>Call <see cref="Validate"/> (every accumulator does) to check the record; the rules are listed there.</para>
/// </remarks>
public readonly struct ConversationMessage : IEquatable<ConversationMessage>
{
    private const int LengthFromText = int.MinValue;
    private readonly int _length;
    private readonly long _sentAt;

    /// <summary>Creates an empty message; set the properties with an object initializer.</summary>
    public ConversationMessage()
    {
        MessageId = string.Empty;
        ConversationId = string.Empty;
        CustomerId = string.Empty;
        Channel = string.Empty;
        _length = LengthFromText;
    }

    /// <summary>The message's identifier, used in error messages; optional (empty when the export has none).</summary>
    public string MessageId { get; init; }

    /// <summary>The conversation (thread, ticket, session) the message belongs to; required.</summary>
    public string ConversationId { get; init; }

    /// <summary>The customer the conversation is with; required, and the same for every message of a conversation.</summary>
    public string CustomerId { get; init; }

    /// <summary>The channel, for example <c>sms</c>, <c>chat</c>, <c>email</c>, <c>whatsapp</c>; required.</summary>
    public string Channel { get; init; }

    /// <summary>Who sent the message: the customer (<see cref="MessageDirection.Inbound"/>) or the company.</summary>
    public MessageDirection Direction { get; init; }

    /// <summary>When the message was sent. Stored as a UTC instant.</summary>
    public DateTimeOffset SentAt { get => new(_sentAt, TimeSpan.Zero); init => _sentAt = value.UtcTicks; }

    /// <summary>The message text; <see langword="null"/> when the export carries only lengths.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// The message length in characters, ≥ 0: the value set, or the length of <see cref="Text"/> when none was set
    /// (0 when neither was).
    /// </summary>
    public int Length { get => _length == LengthFromText ? Text?.Length ?? 0 : _length; init => _length = value; }

    /// <summary>A compound sentiment score in −1..1 computed upstream; <see langword="null"/> when not provided.</summary>
    public double? Sentiment { get; init; }

    /// <summary>
    /// Whether this message marks the conversation resolved (the agent or the customer closed it). A resolved
    /// conversation is never counted as abandoned.
    /// </summary>
    public bool Resolved { get; init; }

    /// <summary>Whether the customer sent the message.</summary>
    public bool IsInbound => Direction == MessageDirection.Inbound;

    internal long SentTicks => _sentAt;

    /// <summary>Checks the record and throws on the first broken rule.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="ConversationId"/> or <see cref="CustomerId"/> is empty; <see cref="MessageId"/> or
    /// <see cref="Channel"/> is null; <see cref="Direction"/> is not <see cref="MessageDirection.Inbound"/> or
    /// <see cref="MessageDirection.Outbound"/>; <see cref="Length"/> is negative; <see cref="Sentiment"/> is NaN or
    /// outside −1..1. The message names the message (id and conversation), the field and its value;
    /// <see cref="ArgumentException.ParamName"/> is the field's name.
    /// </exception>
    public void Validate() => ValidateAt(-1);

    internal void ValidateAt(int index)
    {
        if (FindProblem() is { } problem)
        {
            Throw(index, problem.Field, problem.Message);
        }
    }

    // The hot path: every rule on the raw fields, no message formatting.
    internal bool IsValid =>
        !string.IsNullOrEmpty(ConversationId) && !string.IsNullOrEmpty(CustomerId) && MessageId is not null && Channel is not null
        && Direction is MessageDirection.Inbound or MessageDirection.Outbound
        && (_length == LengthFromText || _length >= 0)
        && (Sentiment is not { } s || (s >= -1 && s <= 1));

    private (string Field, string Message)? FindProblem()
    {
        if (IsValid)
        {
            return null;
        }

        if (string.IsNullOrEmpty(ConversationId) || string.IsNullOrEmpty(CustomerId))
        {
            string field = string.IsNullOrEmpty(ConversationId) ? nameof(ConversationId) : nameof(CustomerId);
            return (field, $"{field} is empty; every message needs a conversation and a customer");
        }

        if (MessageId is null || Channel is null)
        {
            string field = MessageId is null ? nameof(MessageId) : nameof(Channel);
            return (field, $"{field} is null; use an empty string for an unknown value");
        }

        if (Direction is not (MessageDirection.Inbound or MessageDirection.Outbound))
        {
            return (nameof(Direction), Format($"Direction is {(int)Direction}; use Inbound (from the customer) or Outbound (to the customer)"));
        }

        if (_length != LengthFromText && _length < 0)
        {
            return (nameof(Length), Format($"Length is {_length}; a message length cannot be negative"));
        }

        return (nameof(Sentiment), Format($"Sentiment is {Sentiment}; a compound score must lie in [-1, 1]"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // "messages[3] (message 'm7' in conversation 'c2')": where a batch error points, for the accumulators' own checks.
    internal string Position(int index) => string.Create(
        CultureInfo.InvariantCulture,
        $"messages[{index}] ({(MessageId.Length > 0 ? $"message '{MessageId}'" : "a message")} in conversation '{ConversationId}')");

    [DoesNotReturn]
    private void Throw(int index, string field, string message)
    {
        string id = MessageId.Length > 0 ? $"message '{MessageId}' in conversation '{ConversationId}'" : $"conversation '{ConversationId}'";
        string where = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"messages[{index}] ({id})") : $"Message ({id})";
        string outcome = index >= 0 ? "Fix or drop this message; nothing from the batch was added." : "Fix or drop this message; it was not added.";
        throw new ArgumentException($"{where}: {message}. {outcome}", field);
    }

    /// <inheritdoc />
    public bool Equals(ConversationMessage other) =>
        string.Equals(MessageId, other.MessageId, StringComparison.Ordinal)
        && string.Equals(ConversationId, other.ConversationId, StringComparison.Ordinal)
        && string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Text, other.Text, StringComparison.Ordinal)
        && Direction == other.Direction && _sentAt == other._sentAt && _length == other._length
        && Nullable.Equals(Sentiment, other.Sentiment) && Resolved == other.Resolved;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConversationMessage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MessageId, ConversationId, CustomerId, Direction, _sentAt, _length);

    /// <summary>Formats as <c>inbound message m1 in c1 (sms, 2026-03-05T09:00:00.0000000+00:00)</c>.</summary>
    /// <returns>The formatted record.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Direction == MessageDirection.Inbound ? "inbound" : "outbound")} message {MessageId} in {ConversationId} ({Channel}, {SentAt:O})");

    /// <summary>Compares two messages for equality.</summary>
    /// <param name="left">The first message.</param>
    /// <param name="right">The second message.</param>
    /// <returns>Whether every field is equal.</returns>
    public static bool operator ==(ConversationMessage left, ConversationMessage right) => left.Equals(right);

    /// <summary>Compares two messages for inequality.</summary>
    /// <param name="left">The first message.</param>
    /// <param name="right">The second message.</param>
    /// <returns>Whether any field differs.</returns>
    public static bool operator !=(ConversationMessage left, ConversationMessage right) => !left.Equals(right);
}

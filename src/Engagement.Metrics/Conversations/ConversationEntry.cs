using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// What <see cref="ConversationAccumulator"/> keeps of one message: its time, direction, length, questions (for a
/// customer message with text), sentiment and resolved mark — 24 bytes, without the strings.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct ConversationEntry : IEquatable<ConversationEntry>, IComparable<ConversationEntry>
{
    private readonly long _ticks;
    private readonly double _sentiment; // NaN = none
    private readonly int _length;
    private readonly short _questions; // -1 = no text
    private readonly byte _direction;
    private readonly bool _resolved;

    /// <summary>Creates an entry (also the JSON constructor).</summary>
    /// <param name="sentAt">When the message was sent.</param>
    /// <param name="direction">Who sent it.</param>
    /// <param name="length">Its length in characters, ≥ 0.</param>
    /// <param name="questions">Question sentences in it, or <see langword="null"/> when it had no text or was outbound.</param>
    /// <param name="sentiment">Its compound sentiment (−1..1), or <see langword="null"/>.</param>
    /// <param name="resolved">Whether it marks the conversation resolved.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    [JsonConstructor]
    public ConversationEntry(DateTimeOffset sentAt, MessageDirection direction, int length, int? questions, double? sentiment, bool resolved)
    {
        if (direction is not (MessageDirection.Inbound or MessageDirection.Outbound))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Use Inbound or Outbound.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (questions is int q && (q < 0 || q > short.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(questions), q, "Questions must lie in [0, 32767].");
        }

        if (sentiment is double s && !(s >= -1 && s <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sentiment), s, "A compound score must lie in [-1, 1].");
        }

        _ticks = sentAt.UtcTicks;
        _direction = (byte)direction;
        _length = length;
        _questions = (short)(questions ?? -1);
        _sentiment = sentiment ?? double.NaN;
        _resolved = resolved;
    }

    internal ConversationEntry(long ticks, MessageDirection direction, int length, int questions, double sentiment, bool resolved)
    {
        _ticks = ticks;
        _direction = (byte)direction;
        _length = length;
        _questions = (short)Math.Min(questions, short.MaxValue);
        _sentiment = sentiment;
        _resolved = resolved;
    }

    /// <summary>When the message was sent (UTC).</summary>
    public DateTimeOffset SentAt => new(_ticks, TimeSpan.Zero);

    /// <summary>Who sent the message.</summary>
    public MessageDirection Direction => (MessageDirection)_direction;

    /// <summary>The message length in characters.</summary>
    public int Length => _length;

    /// <summary>The question sentences in a customer message with text (<see cref="Conversations.Questions"/>); otherwise <see langword="null"/>.</summary>
    public int? Questions => _questions >= 0 ? _questions : null;

    /// <summary>The compound sentiment, provided or scored; <see langword="null"/> when unknown.</summary>
    public double? Sentiment => double.IsNaN(_sentiment) ? null : _sentiment;

    /// <summary>Whether the message marks the conversation resolved.</summary>
    public bool Resolved => _resolved;

    internal long Ticks => _ticks;

    internal bool IsInbound => _direction == (byte)MessageDirection.Inbound;

    internal short RawQuestions => _questions;

    internal double RawSentiment => _sentiment;

    /// <summary>
    /// The order the accumulator sorts a conversation in: time, then inbound before outbound, then the remaining
    /// fields, so that any arrival order gives the same sequence.
    /// </summary>
    /// <param name="other">The other entry.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ConversationEntry other)
    {
        int c = _ticks.CompareTo(other._ticks);
        if (c != 0)
        {
            return c;
        }

        c = _direction.CompareTo(other._direction);
        if (c != 0)
        {
            return c;
        }

        c = _length.CompareTo(other._length);
        if (c != 0)
        {
            return c;
        }

        c = _questions.CompareTo(other._questions);
        if (c != 0)
        {
            return c;
        }

        c = _sentiment.CompareTo(other._sentiment);
        return c != 0 ? c : _resolved.CompareTo(other._resolved);
    }

    /// <inheritdoc />
    public bool Equals(ConversationEntry other) =>
        _ticks == other._ticks && _direction == other._direction && _length == other._length && _questions == other._questions
        && _sentiment.Equals(other._sentiment) && _resolved == other._resolved;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConversationEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_ticks, _direction, _length, _questions, _sentiment, _resolved);

    /// <summary>Formats as <c>inbound 2026-03-03T08:21:00.0000000+00:00 (42 chars)</c>.</summary>
    /// <returns>The formatted entry.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(IsInbound ? "inbound" : "outbound")} {SentAt:O} ({_length} chars)");

    /// <summary>Compares two entries for equality.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ConversationEntry left, ConversationEntry right) => left.Equals(right);

    /// <summary>Compares two entries for inequality.</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ConversationEntry left, ConversationEntry right) => !left.Equals(right);

    /// <summary>Orders two entries (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ConversationEntry left, ConversationEntry right) => left.CompareTo(right) < 0;

    /// <summary>Orders two entries (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ConversationEntry left, ConversationEntry right) => left.CompareTo(right) > 0;

    /// <summary>Orders two entries (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(ConversationEntry left, ConversationEntry right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two entries (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The first entry.</param>
    /// <param name="right">The second entry.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ConversationEntry left, ConversationEntry right) => left.CompareTo(right) >= 0;
}

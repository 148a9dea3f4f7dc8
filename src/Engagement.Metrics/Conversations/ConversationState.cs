using System.Text.Json.Serialization;

namespace Engagement.Metrics.Conversations;

/// <summary>
/// The state <see cref="ConversationAccumulator"/> keeps for one conversation: its ids, channel and one 24-byte
/// <see cref="ConversationEntry"/> per message (no text). Exposed for JSON persistence of the accumulator.
/// </summary>
/// <remarks>
/// The channel is that of the earliest message (ties: the ordinally smallest channel name), so it does not depend on
/// the order messages arrive in.
/// </remarks>
public sealed class ConversationState
{
    private ConversationEntry[] _entries;
    private int _count;
    private bool _sorted;

    /// <summary>Creates a state (also the JSON constructor).</summary>
    /// <param name="conversationId">The conversation id; not empty.</param>
    /// <param name="customerId">The customer id; not empty.</param>
    /// <param name="channel">The conversation's channel.</param>
    /// <param name="entries">Its messages, in any order.</param>
    /// <exception cref="ArgumentException">An id is empty, or <paramref name="entries"/> is null.</exception>
    [JsonConstructor]
    public ConversationState(string conversationId, string customerId, string channel, IReadOnlyList<ConversationEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(entries);
        ConversationId = conversationId;
        CustomerId = customerId;
        Channel = channel;
        _entries = new ConversationEntry[Math.Max(4, entries.Count)];
        ChannelTicks = long.MaxValue;
        for (int i = 0; i < entries.Count; i++)
        {
            _entries[i] = entries[i];
            ChannelTicks = Math.Min(ChannelTicks, entries[i].Ticks);
        }

        _count = entries.Count;
    }

    internal ConversationState(string conversationId, string customerId, string channel, long ticks)
    {
        ConversationId = conversationId;
        CustomerId = customerId;
        Channel = channel;
        ChannelTicks = ticks;
        _entries = new ConversationEntry[4];
    }

    /// <summary>The conversation id.</summary>
    public string ConversationId { get; }

    /// <summary>The customer the conversation is with.</summary>
    public string CustomerId { get; }

    /// <summary>The channel of the conversation's earliest message.</summary>
    public string Channel { get; private set; }

    /// <summary>The messages kept, in the order they arrived (or time order after a result was computed).</summary>
    public IReadOnlyList<ConversationEntry> Entries => new ArraySegment<ConversationEntry>(_entries, 0, _count);

    internal long ChannelTicks { get; private set; }

    internal int Count => _count;

    internal void Append(in ConversationEntry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        _entries[_count++] = entry;
        _sorted = false;
    }

    internal void RemoveLast() => _count--;

    // Keeps the channel of the earliest message; ties go to the ordinally smaller name, so arrival order never matters.
    internal bool OfferChannel(string channel, long ticks)
    {
        if (ticks < ChannelTicks || (ticks == ChannelTicks && string.CompareOrdinal(channel, Channel) < 0))
        {
            Channel = channel;
            ChannelTicks = ticks;
            return true;
        }

        return false;
    }

    internal void RestoreChannel(string channel, long ticks)
    {
        Channel = channel;
        ChannelTicks = ticks;
    }

    internal void AppendAll(ConversationState other)
    {
        for (int i = 0; i < other._count; i++)
        {
            Append(other._entries[i]);
        }

        OfferChannel(other.Channel, other.ChannelTicks);
    }

    internal ConversationState Clone()
    {
        var copy = new ConversationState(ConversationId, CustomerId, Channel, ChannelTicks);
        copy._entries = _entries[.._count];
        if (copy._entries.Length == 0)
        {
            copy._entries = new ConversationEntry[4];
        }

        copy._count = _count;
        copy._sorted = _sorted;
        return copy;
    }

    internal ReadOnlySpan<ConversationEntry> Sorted()
    {
        Span<ConversationEntry> span = _entries.AsSpan(0, _count);
        if (!_sorted)
        {
            span.Sort();
            _sorted = true;
        }

        return span;
    }
}

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
    private string[]? _channels; // each message's channel, kept only for the streaming accumulator's sessions
    private int _count;
    private bool _sorted;

    /// <summary>Creates a state (also the JSON constructor).</summary>
    /// <param name="conversationId">The conversation id; not empty.</param>
    /// <param name="customerId">The customer id; not empty.</param>
    /// <param name="channel">The conversation's channel.</param>
    /// <param name="entries">Its messages, in any order.</param>
    /// <param name="messageChannels">
    /// Each entry's channel, in the same order, as kept by <see cref="StreamingConversationAccumulator"/>; or
    /// <see langword="null"/> (the <see cref="ConversationAccumulator"/> keeps only the conversation's channel).
    /// </param>
    /// <exception cref="ArgumentException">An id is empty, <paramref name="entries"/> is null, or <paramref name="messageChannels"/> has another length.</exception>
    [JsonConstructor]
    public ConversationState(string conversationId, string customerId, string channel, IReadOnlyList<ConversationEntry> entries, IReadOnlyList<string>? messageChannels = null)
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
        if (messageChannels is not null)
        {
            if (messageChannels.Count != entries.Count)
            {
                throw new ArgumentException(
                    $"messageChannels has {messageChannels.Count} channels for {entries.Count} entries in conversation '{conversationId}'; give one channel per entry.",
                    nameof(messageChannels));
            }

            _channels = new string[_entries.Length];
            for (int i = 0; i < messageChannels.Count; i++)
            {
                _channels[i] = messageChannels[i] ?? throw new ArgumentException($"messageChannels[{i}] is null in conversation '{conversationId}'.", nameof(messageChannels));
            }
        }
    }

    internal ConversationState(string conversationId, string customerId, string channel, long ticks, bool keepMessageChannels)
    {
        ConversationId = conversationId;
        CustomerId = customerId;
        Channel = channel;
        ChannelTicks = ticks;
        _entries = new ConversationEntry[4];
        _channels = keepMessageChannels ? new string[4] : null;
    }

    /// <summary>The conversation id.</summary>
    public string ConversationId { get; private set; }

    /// <summary>The customer the conversation is with.</summary>
    public string CustomerId { get; private set; }

    /// <summary>The channel of the conversation's earliest message.</summary>
    public string Channel { get; private set; }

    /// <summary>The messages kept, in the order they arrived (or time order after a result was computed).</summary>
    public IReadOnlyList<ConversationEntry> Entries => new ArraySegment<ConversationEntry>(_entries, 0, _count);

    /// <summary>Each entry's channel, in the order of <see cref="Entries"/>, when kept (streaming accumulator); otherwise <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MessageChannels => _channels?[.._count];

    internal long ChannelTicks { get; private set; }

    internal int Count => _count;

    internal void Append(in ConversationEntry entry, string channel)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
            if (_channels is not null)
            {
                Array.Resize(ref _channels, _count * 2);
            }
        }

        if (_channels is not null)
        {
            _channels[_count] = channel;
        }

        _entries[_count++] = entry;
        _sorted = false;
    }

    internal void RemoveLast() => _count--;

    // Empties a closed state for a new conversation, keeping its arrays: the streaming accumulator opens and closes
    // conversations at the rate messages arrive, and reusing the arrays keeps that churn away from the collector.
    internal void Reuse(string conversationId, string customerId, string channel, long ticks)
    {
        ConversationId = conversationId;
        CustomerId = customerId;
        RestoreChannel(channel, ticks);
        _count = 0;
        _sorted = false;
    }

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
            Append(other._entries[i], other._channels?[i] ?? other.Channel);
        }

        OfferChannel(other.Channel, other.ChannelTicks);
    }

    internal ConversationState Clone()
    {
        var copy = new ConversationState(ConversationId, CustomerId, Channel, ChannelTicks, _channels is not null);
        if (_count > 0)
        {
            copy._entries = _entries[.._count];
            copy._channels = _channels?[.._count];
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
            if (_channels is null)
            {
                span.Sort();
            }
            else
            {
                span.Sort(_channels.AsSpan(0, _count));
            }

            _sorted = true;
        }

        return span;
    }

    // The channels of Sorted(), entry for entry; call after Sorted().
    internal ReadOnlySpan<string> SortedChannels() => _channels.AsSpan(0, _count);

    // Drops the first `count` sorted entries (sessions the streaming accumulator has closed); the channel becomes that
    // of the earliest remaining message, as if the dropped ones had never arrived.
    internal void RemoveFirst(int count)
    {
        Sorted();
        _entries.AsSpan(count, _count - count).CopyTo(_entries);
        _channels.AsSpan(count, _count - count).CopyTo(_channels);
        _count -= count;
        RestoreChannel(EarliestChannel(_entries.AsSpan(0, _count), SortedChannels()), _entries[0].Ticks);
    }

    // The channel of a time-sorted run of messages: its earliest message's, ties to the ordinally smallest name.
    internal static string EarliestChannel(ReadOnlySpan<ConversationEntry> sorted, ReadOnlySpan<string> channels)
    {
        string channel = channels[0];
        for (int i = 1; i < sorted.Length && sorted[i].Ticks == sorted[0].Ticks; i++)
        {
            if (string.CompareOrdinal(channels[i], channel) < 0)
            {
                channel = channels[i];
            }
        }

        return channel;
    }
}

using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// A read-only open-addressing hash table from folded text to a value, looked up by span with a hash the caller
/// may have computed already (the tokenizer hashes each word while it reads it, so a word lookup costs one probe
/// sequence and one ordinal compare, with no second pass over the characters). Keys are compared ordinally.
/// </summary>
/// <remarks>
/// Replaces <c>FrozenDictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c> on the scoring path, which
/// re-hashes every span and was about a third of the scorer's time. Linear probing at a load factor ≤ 1/2; each slot
/// holds the key's full 32-bit hash so most non-matching probes are rejected without touching the key.
/// </remarks>
internal sealed class SpanTable<TValue>
    where TValue : struct
{
    private const uint Seed = 2166136261;
    private const uint Prime = 16777619;

    private readonly Slot[] _slots;
    private readonly string[] _keys;
    private readonly TValue[] _values;
    private readonly uint _mask;

    public SpanTable(Dictionary<string, TValue> entries)
    {
        int capacity = 16;
        while (capacity < entries.Count * 2)
        {
            capacity *= 2;
        }

        _slots = new Slot[capacity];
        _mask = (uint)capacity - 1;
        _keys = new string[entries.Count];
        _values = new TValue[entries.Count];
        int index = 0;
        foreach (KeyValuePair<string, TValue> entry in entries)
        {
            _keys[index] = entry.Key;
            _values[index] = entry.Value;
            uint hash = Hash(entry.Key);
            uint slot = hash & _mask;
            while (_slots[slot].Entry != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot { Hash = hash, Entry = index + 1 };
            LongestKey = Math.Max(LongestKey, entry.Key.Length);
            index++;
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count => _keys.Length;

    /// <summary>The length of the longest key.</summary>
    public int LongestKey { get; }

    /// <summary>The keys, in no particular order.</summary>
    public ReadOnlySpan<string> Keys => _keys;

    /// <summary>The table's hash of a key (32-bit FNV-1a over the UTF-16 code units).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> key)
    {
        uint hash = Seed;
        foreach (char c in key)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    /// <summary>The hash of an empty key, to extend with <see cref="Step"/>.</summary>
    public static uint Start => Seed;

    /// <summary>Extends a hash by one character: <c>Hash(s + c) == Step(Hash(s), c)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    /// <summary>Looks a key up, hashing it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value) => TryGetValue(key, Hash(key), out value);

    /// <summary>Looks a key up by its precomputed <see cref="Hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ReadOnlySpan<char> key, uint hash, out TValue value)
    {
        Slot[] slots = _slots;
        uint slot = hash & _mask;
        while (true)
        {
            Slot s = slots[slot];
            if (s.Entry == 0)
            {
                value = default;
                return false;
            }

            if (s.Hash == hash && key.SequenceEqual(_keys[s.Entry - 1]))
            {
                value = _values[s.Entry - 1];
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private struct Slot
    {
        public uint Hash;
        public int Entry;
    }
}

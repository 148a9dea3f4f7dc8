using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Listening;

/// <summary>
/// An open-addressing hash table from a folded term to its counts, keyed by the term's 64-bit hash
/// (<see cref="TermHash"/>). A term's string is created once, on first sight, and kept for output; later occurrences
/// cost one probe sequence over the slots (hash and entry index side by side), with no allocation and no string
/// compare.
/// </summary>
/// <remarks>
/// Two distinct terms are treated as one only if their 64-bit hashes collide: for n distinct terms the probability
/// that any pair does is below n² / 2⁶⁵ (about 3·10⁻⁸ for a million terms). Slots are chosen by Fibonacci hashing
/// (the high bits of hash × 2⁶⁴/φ), linear probing, load factor ≤ 1/2.
/// </remarks>
internal sealed class TermTable
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    private Slot[] _slots;
    private Entry[] _entries;
    private int _count;
    private int _shift;
    private int _mask;

    public TermTable(int capacity = 256)
    {
        int bits = 4;
        while ((1 << bits) < capacity * 2)
        {
            bits++;
        }

        _slots = new Slot[1 << bits];
        _mask = (1 << bits) - 1;
        _shift = 64 - bits;
        _entries = new Entry[Math.Max(8, capacity)];
    }

    public int Count => _count;

    public ReadOnlySpan<Entry> Entries => _entries.AsSpan(0, _count);

    public ref Entry this[int index] => ref _entries[index];

    /// <summary>The index of the entry with this hash, or −1.</summary>
    public int Find(ulong hash)
    {
        Slot[] slots = _slots;
        int slot = (int)((hash * Golden) >> _shift);
        while (true)
        {
            Slot s = slots[slot];
            if (s.Entry == 0)
            {
                return -1;
            }

            if (s.Hash == hash)
            {
                return s.Entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The term's entry, created (with its string) on first sight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Entry GetOrAdd(ReadOnlySpan<char> term, ulong hash, int words)
    {
        Slot[] slots = _slots;
        int slot = (int)((hash * Golden) >> _shift);
        while (true)
        {
            Slot s = slots[slot];
            if (s.Hash == hash && s.Entry != 0)
            {
                return ref _entries[s.Entry - 1];
            }

            if (s.Entry == 0)
            {
                return ref Add(term.ToString(), hash, words, slot);
            }

            slot = (slot + 1) & _mask;
        }
    }

    public ref Entry GetOrAdd(string term, ulong hash, int words)
    {
        int index = Find(hash);
        if (index >= 0)
        {
            return ref _entries[index];
        }

        int slot = (int)((hash * Golden) >> _shift);
        while (_slots[slot].Entry != 0)
        {
            slot = (slot + 1) & _mask;
        }

        return ref Add(term, hash, words, slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref Entry Add(string term, ulong hash, int words, int slot)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        int index = _count++;
        _entries[index] = new Entry { Term = term, Hash = hash, Words = words, LastMessage = -1 };
        _slots[slot] = new Slot { Hash = hash, Entry = index + 1 };
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return ref _entries[index];
    }

    private void Grow()
    {
        int bits = 64 - _shift + 1;
        var slots = new Slot[1 << bits];
        int mask = (1 << bits) - 1;
        int shift = 64 - bits;
        for (int i = 0; i < _count; i++)
        {
            ulong hash = _entries[i].Hash;
            int slot = (int)((hash * Golden) >> shift);
            while (slots[slot].Entry != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = new Slot { Hash = hash, Entry = i + 1 };
        }

        _slots = slots;
        _mask = mask;
        _shift = shift;
    }

    internal struct Entry
    {
        public string Term;
        public ulong Hash;
        public int Words;
        public long Count;
        public long Mentions;
        public long LastMessage;
        public double SentimentSum;
        public long SentimentMentions;
    }

    private struct Slot
    {
        public ulong Hash;
        public int Entry;
    }
}

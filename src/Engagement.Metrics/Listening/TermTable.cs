using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Listening;

/// <summary>
/// An open-addressing hash table from a folded term to its counts, keyed by the term's 64-bit hash
/// (<see cref="TermHash"/>). The counters updated on every occurrence live in the slot itself, so counting a term
/// touches one slot (one cache line, usually) and nothing else; the term's string (created once, on first sight) and
/// its sentiment sums live in a side array in first-seen order.
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
    private Cold[] _cold;
    private int[] _slotOf;
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
        _cold = new Cold[Math.Max(8, capacity)];
        _slotOf = new int[_cold.Length];
    }

    public int Count => _count;

    /// <summary>The index (first-seen order) of the entry with this hash, or −1.</summary>
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

    /// <summary>Everything known about the entry at an index (first-seen order).</summary>
    public Entry this[int index]
    {
        get
        {
            ref Slot s = ref _slots[_slotOf[index]];
            ref Cold c = ref _cold[index];
            return new Entry(c.Term, s.Words, s.Count, s.Mentions, c.SentimentSum, c.SentimentMentions);
        }
    }

    /// <summary>The side data (string, sentiment sums) of a slot's entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Cold ColdOf(in Slot slot) => ref _cold[slot.Entry - 1];

    /// <summary>The term's slot, created (with its string) on first sight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Slot GetOrAdd(ReadOnlySpan<char> term, ulong hash, int words)
    {
        Slot[] slots = _slots;
        int slot = (int)((hash * Golden) >> _shift);
        while (true)
        {
            ref Slot s = ref slots[slot];
            if (s.Hash == hash && s.Entry != 0)
            {
                return ref s;
            }

            if (s.Entry == 0)
            {
                return ref Add(term.ToString(), hash, words, slot);
            }

            slot = (slot + 1) & _mask;
        }
    }

    public ref Slot GetOrAdd(string term, ulong hash, int words)
    {
        int index = Find(hash);
        if (index >= 0)
        {
            return ref _slots[_slotOf[index]];
        }

        int slot = (int)((hash * Golden) >> _shift);
        while (_slots[slot].Entry != 0)
        {
            slot = (slot + 1) & _mask;
        }

        return ref Add(term, hash, words, slot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref Slot Add(string term, ulong hash, int words, int slot)
    {
        if (_count == _cold.Length)
        {
            Array.Resize(ref _cold, _cold.Length * 2);
            Array.Resize(ref _slotOf, _cold.Length);
        }

        int index = _count++;
        _cold[index] = new Cold { Term = term };
        _slots[slot] = new Slot { Hash = hash, Entry = index + 1, Words = words, LastMessage = -1 };
        _slotOf[index] = slot;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return ref _slots[_slotOf[index]];
    }

    private void Grow()
    {
        int bits = 64 - _shift + 1;
        var slots = new Slot[1 << bits];
        int mask = (1 << bits) - 1;
        int shift = 64 - bits;
        foreach (Slot old in _slots)
        {
            if (old.Entry == 0)
            {
                continue;
            }

            int slot = (int)((old.Hash * Golden) >> shift);
            while (slots[slot].Entry != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = old;
            _slotOf[old.Entry - 1] = slot;
        }

        _slots = slots;
        _mask = mask;
        _shift = shift;
    }

    /// <summary>The per-occurrence counters, kept in the slot.</summary>
    internal struct Slot
    {
        public ulong Hash;
        public int Entry;
        public int Words;
        public long Count;
        public long Mentions;
        public long LastMessage;
    }

    /// <summary>The data touched once per term and message at most: the string and the sentiment sums.</summary>
    internal struct Cold
    {
        public string Term;
        public double SentimentSum;
        public long SentimentMentions;
    }

    /// <summary>A read-only snapshot of one entry.</summary>
    internal readonly record struct Entry(string Term, int Words, long Count, long Mentions, double SentimentSum, long SentimentMentions);
}

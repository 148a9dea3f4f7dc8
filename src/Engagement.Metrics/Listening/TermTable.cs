using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Listening;

/// <summary>
/// An open-addressing hash table from a folded term to its counts, keyed by the term's 64-bit hash
/// (<see cref="TermHash"/>). The counters updated on every occurrence live in the slot itself, so counting a term
/// touches one slot (one cache line, usually) and nothing else; the term's text and its sentiment sums live in a side
/// array in first-seen order, the text copied into one shared character buffer on first sight, so a new term costs no
/// object for the garbage collector to trace (strings are made only when results are read).
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
    private ulong _touched; // keeps Touch's loads from being optimised away
    private uint _message;
    private char[] _chars = new char[4096];
    private int _charCount;

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

    /// <summary>
    /// Reads the home slot of every hash, so that their cache misses overlap: the loads are independent, and the
    /// lookups that follow find the slots in cache (7 % of the 1–3-gram counting time at 10⁶ messages, whose table
    /// holds hundreds of thousands of terms).
    /// </summary>
    public void Touch(ReadOnlySpan<ulong> hashes)
    {
        Slot[] slots = _slots;
        int shift = _shift;
        ulong seen = 0;
        foreach (ulong hash in hashes)
        {
            seen ^= slots[(int)((hash * Golden) >> shift)].Hash;
        }

        _touched = seen;
    }

    /// <summary>Everything known about the entry at an index (first-seen order).</summary>
    public Entry this[int index]
    {
        get
        {
            ref Slot s = ref _slots[_slotOf[index]];
            ref Cold c = ref _cold[index];
            return new Entry(TermAt(index).ToString(), c.Words, s.Count, s.Mentions, c.SentimentSum, c.SentimentMentions);
        }
    }

    /// <summary>The folded text of the entry at an index.</summary>
    public ReadOnlySpan<char> TermAt(int index) => _chars.AsSpan(_cold[index].Start, _cold[index].Length);

    /// <summary>The occurrences of the entry at an index.</summary>
    public long CountAt(int index) => _slots[_slotOf[index]].Count;

    /// <summary>The messages mentioning the entry at an index.</summary>
    public long MentionsAt(int index) => _slots[_slotOf[index]].Mentions;

    /// <summary>The word count of the entry at an index.</summary>
    public int WordsAt(int index) => _cold[index].Words;

    /// <summary>The side data (text, word count, sentiment sums) of a slot's entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Cold ColdOf(in Slot slot) => ref _cold[slot.Entry - 1];

    /// <summary>The term's slot, created (with a copy of its text) on first sight.</summary>
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
                return ref Add(term, hash, words, slot);
            }

            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref Slot Add(ReadOnlySpan<char> term, ulong hash, int words, int slot)
    {
        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));

        if (_count == _cold.Length)
        {
            Array.Resize(ref _cold, _cold.Length * 2);
            Array.Resize(ref _slotOf, _cold.Length);
        }

        int index = _count++;
        _cold[index] = new Cold { Start = _charCount, Length = term.Length, Words = words };
        _charCount += term.Length;
        _slots[slot] = new Slot { Hash = hash, Entry = index + 1 };
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

    /// <summary>
    /// Starts a message: its stamp, which <see cref="Slot.LastMessage"/> compares against to count a mention once per
    /// message. Stamps are 32 bits to keep a slot at 32 bytes; when they wrap, every slot is cleared to 0, a stamp no
    /// message has, so a term seen exactly 2³² messages ago is still counted.
    /// </summary>
    public uint NextMessage()
    {
        if (++_message == 0)
        {
            foreach (ref Slot slot in _slots.AsSpan())
            {
                slot.LastMessage = 0;
            }

            _message = 1;
        }

        return _message;
    }

    /// <summary>The per-occurrence counters, kept in the slot (32 bytes: two to a cache line).</summary>
    internal struct Slot
    {
        public ulong Hash;
        public long Count;
        public long Mentions;
        public int Entry;
        public uint LastMessage;
    }

    /// <summary>The data touched once per term and message at most: where the text is, the word count, the sentiment sums.</summary>
    internal struct Cold
    {
        public int Start;
        public int Length;
        public int Words;
        public double SentimentSum;
        public long SentimentMentions;
    }

    /// <summary>A read-only snapshot of one entry.</summary>
    internal readonly record struct Entry(string Term, int Words, long Count, long Mentions, double SentimentSum, long SentimentMentions);
}

using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Listening;

/// <summary>
/// An open-addressing hash table from a folded term to its counts, looked up by span and precomputed 64-bit hash
/// (<see cref="TermHash"/>). A term's string is created once, on first sight; later occurrences cost one probe
/// sequence and one ordinal compare, with no allocation. Linear probing at a load factor ≤ 1/2.
/// </summary>
internal sealed class TermTable
{
    private int[] _slots;
    private Entry[] _entries;
    private int _count;
    private ulong _mask;

    public TermTable(int capacity = 256)
    {
        int size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _slots = new int[size];
        _entries = new Entry[Math.Max(8, capacity)];
        _mask = (ulong)size - 1;
    }

    public int Count => _count;

    public ReadOnlySpan<Entry> Entries => _entries.AsSpan(0, _count);

    public ref Entry this[int index] => ref _entries[index];

    /// <summary>The index of the term's entry, or −1.</summary>
    public int Find(ReadOnlySpan<char> term, ulong hash)
    {
        int[] slots = _slots;
        ulong slot = hash & _mask;
        while (true)
        {
            int e = slots[slot];
            if (e == 0)
            {
                return -1;
            }

            ref Entry entry = ref _entries[e - 1];
            if (entry.Hash == hash && term.SequenceEqual(entry.Term))
            {
                return e - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The term's entry, created (with its string) on first sight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Entry GetOrAdd(ReadOnlySpan<char> term, ulong hash, int words)
    {
        int[] slots = _slots;
        ulong slot = hash & _mask;
        while (true)
        {
            int e = slots[slot];
            if (e == 0)
            {
                break;
            }

            ref Entry entry = ref _entries[e - 1];
            if (entry.Hash == hash && term.SequenceEqual(entry.Term))
            {
                return ref entry;
            }

            slot = (slot + 1) & _mask;
        }

        return ref Add(term.ToString(), hash, words, slot);
    }

    public ref Entry GetOrAdd(string term, ulong hash, int words)
    {
        int index = Find(term, hash);
        if (index >= 0)
        {
            return ref _entries[index];
        }

        ulong slot = hash & _mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        return ref Add(term, hash, words, slot);
    }

    private ref Entry Add(string term, ulong hash, int words, ulong slot)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count] = new Entry { Term = term, Hash = hash, Words = words, LastMessage = -1 };
        _slots[slot] = ++_count;
        if ((ulong)_count * 2 > _mask + 1)
        {
            Grow();
        }

        return ref _entries[_count - 1];
    }

    private void Grow()
    {
        int size = _slots.Length * 2;
        var slots = new int[size];
        ulong mask = (ulong)size - 1;
        for (int i = 0; i < _count; i++)
        {
            ulong slot = _entries[i].Hash & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        _slots = slots;
        _mask = mask;
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
}

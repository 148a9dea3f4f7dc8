using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engagement.Metrics.Sentiment;

/// <summary>
/// A read-only hash table from folded text to a value, looked up by span with a hash the caller may have computed
/// already. Keys of at most 16 ASCII characters (nearly every word) are also stored packed, one byte per character,
/// in two 64-bit integers inside the slot, so the tokenizer — which packs each word with one vector load — looks a
/// word up with no loop and no branch: two candidate slots, two integer compares each, and a select. Other keys are
/// compared ordinally. Keys are compared exactly (a hash match alone never counts).
/// </summary>
/// <remarks>
/// Replaces <c>FrozenDictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c> on the scoring path, which
/// re-hashes every span, and then a linear-probing table, whose hit/miss and probe-loop branches were unpredictable
/// on real text. Cuckoo hashing with two choices: every key sits in one of its two slots (the low bits of the hash,
/// or the high bits of its multiplicative mix), found at build time by displacement, growing the table when a
/// displacement chain fails; the load stays below ½. Index 0 of the value array is the default value, so a miss
/// reads a zero entry instead of branching.
/// </remarks>
internal sealed class SpanTable<TValue>
    where TValue : struct
{
    private readonly Slot[] _slots;
    private readonly string[] _keys;
    private readonly TValue[] _values;
    private readonly uint _mask;
    private readonly int _shift;

    public SpanTable(Dictionary<string, TValue> entries)
    {
        _keys = new string[entries.Count + 1];
        _values = new TValue[entries.Count + 1];
        _keys[0] = string.Empty;
        int index = 1;
        foreach (KeyValuePair<string, TValue> entry in entries)
        {
            _keys[index] = entry.Key;
            _values[index] = entry.Value;
            LongestKey = Math.Max(LongestKey, entry.Key.Length);
            index++;
        }

        int bits = 4;
        while ((1 << bits) < entries.Count * 2)
        {
            bits++;
        }

        while (true)
        {
            _slots = new Slot[1 << bits];
            _mask = (uint)(1 << bits) - 1;
            _shift = 32 - bits;
            if (TryFill())
            {
                break;
            }

            bits++;
        }
    }

    /// <summary>The number of keys.</summary>
    public int Count => _keys.Length - 1;

    /// <summary>The length of the longest key.</summary>
    public int LongestKey { get; }

    /// <summary>The keys, in no particular order.</summary>
    public ReadOnlySpan<string> Keys => _keys.AsSpan(1);

    /// <summary>Looks a key up, hashing it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value) => TryGetValue(key, WordKey.Hash(key), out value);

    /// <summary>Looks a key up by its precomputed <see cref="WordKey.Hash(ReadOnlySpan{char})"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, uint hash, out TValue value)
    {
        int entry = Find(key, hash);
        value = _values[entry];
        return entry != 0;
    }

    /// <summary>The entry index of a key (0 if absent), by its precomputed hash.</summary>
    public int Find(ReadOnlySpan<char> key, uint hash)
    {
        Slot first = _slots[hash & _mask];
        if (first.Hash == hash && first.Entry != 0 && key.SequenceEqual(_keys[first.Entry]))
        {
            return first.Entry;
        }

        Slot second = _slots[Second(hash)];
        return second.Hash == hash && second.Entry != 0 && key.SequenceEqual(_keys[second.Entry]) ? second.Entry : 0;
    }

    /// <summary>
    /// The entry index (0 if absent) of a key given packed by <see cref="WordKey.TryPack"/> (or the tokenizer's
    /// vector equivalent) with its hash <see cref="WordKey.Mix"/>; the same index as <see cref="Find"/> on the
    /// unpacked key. Branch-free.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindPacked(ulong lo, ulong hi, uint hash)
    {
        ref Slot slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref Slot first = ref Unsafe.Add(ref slots, hash & _mask);
        ref Slot second = ref Unsafe.Add(ref slots, Second(hash));
        return (first.Entry & EqualMask((first.Lo ^ lo) | (first.Hi ^ hi))) | (second.Entry & EqualMask((second.Lo ^ lo) | (second.Hi ^ hi)));
    }

    /// <summary>The value of an entry index from <see cref="Find"/> or <see cref="FindPacked"/> (default for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly TValue ValueAt(int entry) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), entry);

    /// <summary>−1 (all bits) when <paramref name="difference"/> is 0, else 0; arithmetic, so the JIT emits no branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EqualMask(ulong difference) => (int)(((difference | (0 - difference)) >> 63) - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Second(uint hash) => (hash * 0x9E3779B1u) >> _shift;

    /// <summary>Places every key by cuckoo displacement; false when a chain is too long (the caller grows the table).</summary>
    private bool TryFill()
    {
        for (int entry = 1; entry < _keys.Length; entry++)
        {
            string key = _keys[entry];
            _ = WordKey.TryPack(key, out ulong lo, out ulong hi);
            var slot = new Slot { Lo = lo, Hi = hi, Hash = WordKey.Hash(key), Entry = entry };
            uint position = slot.Hash & _mask;
            bool placed = false;
            for (int kick = 0; kick < 500; kick++)
            {
                if (_slots[position].Entry == 0)
                {
                    _slots[position] = slot;
                    placed = true;
                    break;
                }

                uint other = Second(slot.Hash);
                if (other != position && _slots[other].Entry == 0)
                {
                    _slots[other] = slot;
                    placed = true;
                    break;
                }

                // Evict the occupant of this slot and move it to its other slot.
                (slot, _slots[position]) = (_slots[position], slot);
                uint home = slot.Hash & _mask;
                position = home == position ? Second(slot.Hash) : home;
            }

            if (!placed)
            {
                return false;
            }
        }

        return true;
    }

    private struct Slot
    {
        public ulong Lo;
        public ulong Hi;
        public uint Hash;
        public int Entry;
    }
}

/// <summary>
/// The one key hash every sentiment table and the tokenizer share: a key of 1–16 ASCII characters is packed one
/// byte per character (little-endian, zero-padded) into two 64-bit integers and mixed with two multiplies; any
/// other key gets 32-bit FNV-1a over its UTF-16 code units.
/// </summary>
internal static class WordKey
{
    /// <summary>The longest key that is packed.</summary>
    public const int MaxPacked = 16;

    private const uint FnvSeed = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The table hash of a key.</summary>
    public static uint Hash(ReadOnlySpan<char> key) => TryPack(key, out ulong lo, out ulong hi) ? Mix(lo, hi) : Fnv(key);

    /// <summary>Packs a key of 1–16 ASCII characters (scalar reference of the tokenizer's vector packing).</summary>
    public static bool TryPack(ReadOnlySpan<char> key, out ulong lo, out ulong hi)
    {
        lo = 0;
        hi = 0;
        if (key.IsEmpty || key.Length > MaxPacked)
        {
            return false;
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c >= 128)
            {
                lo = 0;
                hi = 0;
                return false;
            }

            if (i < 8)
            {
                lo |= (ulong)c << (8 * i);
            }
            else
            {
                hi |= (ulong)c << (8 * (i - 8));
            }
        }

        return true;
    }

    /// <summary>
    /// Packs <paramref name="length"/> characters at <paramref name="start"/> with one 16-lane vector load; the 16
    /// characters from <paramref name="start"/> must be readable (the caller pads its buffer). Same result as
    /// <see cref="TryPack"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPackVector(ref char start, int length, out ulong lo, out ulong hi)
    {
        Vector256<ushort> chars = Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref start));
        Vector256<ushort> keep = Vector256.LessThan(Vector256<ushort>.Indices, Vector256.Create((ushort)length));
        chars &= keep;
        if ((uint)(length - 1) >= MaxPacked || (chars & Vector256.Create((ushort)0xFF80)) != Vector256<ushort>.Zero)
        {
            lo = 0;
            hi = 0;
            return false;
        }

        Vector128<ulong> bytes = Vector128.Narrow(chars.GetLower(), chars.GetUpper()).AsUInt64();
        lo = bytes.GetElement(0);
        hi = bytes.GetElement(1);
        return true;
    }

    /// <summary>The hash of a packed key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(ulong lo, ulong hi)
    {
        ulong h = (lo * 0x9E3779B97F4A7C15UL) ^ (hi * 0xC2B2AE3D27D4EB4FUL);
        return (uint)(h >> 32) ^ (uint)h;
    }

    /// <summary>32-bit FNV-1a over the UTF-16 code units.</summary>
    public static uint Fnv(ReadOnlySpan<char> key)
    {
        uint hash = FnvSeed;
        foreach (char c in key)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }
}

using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Conversations;

// The duration sketches of one streaming customer (their totals' four and one per kept trend period) packed into one
// sorted array of (key, value) pairs, so a customer costs one array however many sketches it has; a few small
// objects per sketch made the streaming accumulator spend half its time in the garbage collector.
// A pair's key is the sketch id in the high 32 bits and a slot in the low 32: slots 0–3 are the sketch's header (tick
// total, min and max in seconds as double bits, count of zeros) and a bin's slot is its QuantileSketch key with the
// sign bit flipped (keys are within ±4·10⁸, so bin slots never meet the header's). Bins are computed by a
// QuantileSketch of the same relative accuracy, so an exported sketch is identical to one fed the same durations.
internal struct SketchSet
{
    private const long TotalSlot = 0, MinSlot = 1, MaxSlot = 2, ZeroSlot = 3, HeaderSlots = 4;
    private static readonly long PositiveInfinityBits = BitConverter.DoubleToInt64Bits(double.PositiveInfinity);
    private static readonly long NegativeInfinityBits = BitConverter.DoubleToInt64Bits(double.NegativeInfinity);

    private long[]? _pairs; // key, value, key, value, …; keys ascending
    private int _length;    // longs used

    // A duration (ticks ≥ 0) as every sketch takes it, measured once however many sketches it goes to.
    public static Sample Measure(long ticks, QuantileSketch mapping)
    {
        double seconds = (double)ticks / TimeSpan.TicksPerSecond;
        return new Sample(ticks, seconds, ticks == 0 ? ZeroSlot : BinSlot(mapping.BinKey(seconds)));
    }

    /// <summary>Adds one measured duration to sketch <paramref name="sketch"/>.</summary>
    public void Add(int sketch, in Sample sample)
    {
        long head = (long)sketch << 32;
        int at = Find(head);
        if (at < 0)
        {
            at = ~at;
            InsertHeader(at, head);
        }

        long[] pairs = _pairs!;
        pairs[at + 1] = checked(pairs[at + 1] + sample.Ticks);
        pairs[at + 3] = BitConverter.DoubleToInt64Bits(Math.Min(BitConverter.Int64BitsToDouble(pairs[at + 3]), sample.Seconds));
        pairs[at + 5] = BitConverter.DoubleToInt64Bits(Math.Max(BitConverter.Int64BitsToDouble(pairs[at + 5]), sample.Seconds));
        if (sample.Slot == ZeroSlot)
        {
            pairs[at + 7]++;
            return;
        }

        long key = head | sample.Slot;
        int bin = Find(key, at + (2 * (int)HeaderSlots));
        if (bin >= 0)
        {
            pairs[bin + 1]++;
        }
        else
        {
            InsertPair(~bin, key, 1);
        }
    }

    /// <summary>Adds every value of <paramref name="other"/>'s sketches to the same sketches here.</summary>
    public void Merge(in SketchSet other)
    {
        for (int i = 0; i < other._length; i += 2)
        {
            Combine(other._pairs![i], other._pairs[i + 1]);
        }
    }

    /// <summary>Adds a sketch restored from JSON as sketch <paramref name="sketch"/>; nothing when it is null or empty.</summary>
    public void Import(int sketch, DurationTotals? totals)
    {
        if (totals is not { Count: > 0 })
        {
            return;
        }

        long head = (long)sketch << 32;
        QuantileSketch s = totals.Sketch;
        Combine(head | TotalSlot, totals.TotalTicks);
        Combine(head | MinSlot, BitConverter.DoubleToInt64Bits(s.Min!.Value));
        Combine(head | MaxSlot, BitConverter.DoubleToInt64Bits(s.Max!.Value));
        Combine(head | ZeroSlot, s.ZeroCount);
        foreach ((int key, long count) in s.PositiveBins)
        {
            Combine(head | BinSlot(key), count);
        }
    }

    /// <summary>Sketch <paramref name="sketch"/> as public state, or null when it holds nothing.</summary>
    public readonly DurationTotals? Export(int sketch, double relativeAccuracy)
    {
        long head = (long)sketch << 32;
        int at = Find(head);
        if (at < 0)
        {
            return null;
        }

        long[] pairs = _pairs!;
        var quantiles = new QuantileSketch(relativeAccuracy, SketchBinPolicy.Compact);
        quantiles.AddZeros(pairs[at + 7]);
        quantiles.WidenRange(BitConverter.Int64BitsToDouble(pairs[at + 3]), BitConverter.Int64BitsToDouble(pairs[at + 5]));
        for (int i = at + (2 * (int)HeaderSlots); i < _length && (pairs[i] >> 32) == sketch; i += 2)
        {
            quantiles.AddBin((int)((uint)pairs[i] ^ 0x8000_0000u), pairs[i + 1]);
        }

        return DurationTotals.Adopt(pairs[at + 1], quantiles);
    }

    /// <summary>Drops the sketches with ids in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void RemoveRange(int from, int to)
    {
        int start = LowerBound((long)from << 32);
        int end = LowerBound((long)to << 32);
        if (end > start)
        {
            _pairs.AsSpan(end, _length - end).CopyTo(_pairs.AsSpan(start));
            _length -= end - start;
        }
    }

    public readonly SketchSet Clone() => new() { _pairs = _pairs?[.._length], _length = _length };

    private static long BinSlot(int key) => (uint)key ^ 0x8000_0000u;

    // A duration's ticks (for the total), seconds (for min and max) and slot: its bin's, or the zero count's.
    public readonly record struct Sample(long Ticks, double Seconds, long Slot);

    // Adds `value` to the pair with `key` (the min and max slots take the smaller or larger double), inserting the
    // pair, and the sketch's header when the sketch is new, as needed.
    private void Combine(long key, long value)
    {
        int at = Find(key);
        if (at >= 0)
        {
            ref long slot = ref _pairs![at + 1];
            slot = (key & 0xFFFF_FFFFL) switch
            {
                MinSlot => BitConverter.DoubleToInt64Bits(Math.Min(BitConverter.Int64BitsToDouble(slot), BitConverter.Int64BitsToDouble(value))),
                MaxSlot => BitConverter.DoubleToInt64Bits(Math.Max(BitConverter.Int64BitsToDouble(slot), BitConverter.Int64BitsToDouble(value))),
                _ => checked(slot + value),
            };
            return;
        }

        if ((key & 0xFFFF_FFFFL) < HeaderSlots)
        {
            InsertHeader(LowerBound(key & ~0xFFFF_FFFFL), key & ~0xFFFF_FFFFL);
            Combine(key, value);
            return;
        }

        InsertPair(~at, key, value);
    }

    private void InsertPair(int at, long key, long value)
    {
        Insert(at, 1);
        _pairs![at] = key;
        _pairs[at + 1] = value;
    }

    private void InsertHeader(int at, long head)
    {
        Insert(at, (int)HeaderSlots);
        long[] pairs = _pairs!;
        (pairs[at], pairs[at + 1]) = (head | TotalSlot, 0);
        (pairs[at + 2], pairs[at + 3]) = (head | MinSlot, PositiveInfinityBits);
        (pairs[at + 4], pairs[at + 5]) = (head | MaxSlot, NegativeInfinityBits);
        (pairs[at + 6], pairs[at + 7]) = (head | ZeroSlot, 0);
    }

    // Opens room for `count` pairs at long index `at`.
    private void Insert(int at, int count)
    {
        int needed = _length + (2 * count);
        if (_pairs is null || needed > _pairs.Length)
        {
            Array.Resize(ref _pairs, Math.Max(needed, Math.Max(16, (_pairs?.Length ?? 0) * 2)));
        }

        _pairs.AsSpan(at, _length - at).CopyTo(_pairs.AsSpan(at + (2 * count)));
        _length = needed;
    }

    // The long index of the pair with `key`, or the bitwise complement of where it would go.
    private readonly int Find(long key, int from = 0)
    {
        int at = LowerBound(key, from);
        return at < _length && _pairs![at] == key ? at : ~at;
    }

    // The long index of the first pair whose key is at least `key`.
    private readonly int LowerBound(long key, int from = 0)
    {
        int lo = from / 2, hi = _length / 2;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_pairs![2 * mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 2 * lo;
    }
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The bins of one side (positive or mirrored negative values) of a <see cref="QuantileSketch"/>: bin key to count.
/// Exposed read-only as a dictionary of the non-empty bins, enumerated in ascending key order, which is also its JSON
/// form.
/// </summary>
/// <remarks>
/// <para>
/// <b>Layout.</b> A dense window <c>long[]</c> of consecutive keys starting at <c>_offset</c> holds the common case,
/// so an insert is one bounds check and one increment (no hashing). The window is allocated on the first insert
/// (<see cref="InitialDenseBins"/> bins around the key) and grows by doubling toward a new key outside it, as long as
/// the grown window stays within <see cref="MaxDenseBins"/> and within <see cref="DenseBinsPerBin"/> times the number
/// of non-empty bins (or <see cref="MinDenseGrowthLimit"/>, whichever is larger). A key that would break either limit
/// (a far outlier) goes to the sparse bins instead (two sorted arrays, 12 bytes a bin), so one outlier never allocates
/// the keys in between. That is the <see cref="SketchBinPolicy.Fast"/> policy; <see cref="SketchBinPolicy.Compact"/>
/// (for the many small sketches of streaming per-customer totals) keeps the first bins sparse and allows a window only
/// where it is at least a quarter full. Keys in
/// the sparse dictionary always lie outside the window: when the window grows over a sparse key, that bin moves into
/// the window.
/// </para>
/// <para>
/// <b>Memory.</b> At most <c>8·min(65 536, max(2 048, 16·(b + 1)))</c> bytes for the window (≤ 512 KiB, and
/// ≤ 16 KiB unless there are more than 127 non-empty bins), where b is the number of non-empty bins, plus about 24
/// bytes per sparse bin. At α = 1 % one second to one hour spans about 410 keys, a window of 512 or 1 024 bins (4–8 KiB).
/// </para>
/// <para>
/// The result of every operation (bins, counts, order, JSON) is the same as with a plain dictionary; only the speed
/// and memory differ.
/// </para>
/// </remarks>
internal sealed class SketchBinStore : IReadOnlyDictionary<int, long>
{
    /// <summary>The largest dense window, in bins (8 bytes each: 512 KiB).</summary>
    internal const int MaxDenseBins = 1 << 16;

    /// <summary>The smallest window.</summary>
    internal const int InitialDenseBins = 128;

    /// <summary>The window may always grow to this many bins, however few are non-empty.</summary>
    internal const int MinDenseGrowthLimit = 2048;

    /// <summary>Beyond <see cref="MinDenseGrowthLimit"/>, the window may hold at most this many bins per non-empty bin.</summary>
    internal const int DenseBinsPerBin = 16;

    private readonly SketchBinPolicy _policy;
    private long[] _dense = [];
    private int _offset;                 // the key of _dense[0]
    private int _denseCount;             // non-empty bins in _dense
    private int[] _sparseKeys = [];      // ascending; the first _sparseCount are used
    private long[] _sparseCounts = [];
    private int _sparseCount;

    /// <summary>Creates an empty store with the <see cref="SketchBinPolicy.Fast"/> policy.</summary>
    public SketchBinStore()
        : this(SketchBinPolicy.Fast)
    {
    }

    /// <summary>Creates an empty store.</summary>
    /// <param name="policy">When the window is allocated and how far it may grow.</param>
    public SketchBinStore(SketchBinPolicy policy)
    {
        _policy = policy;
    }

    /// <summary>The total count over all bins.</summary>
    public long Total { get; private set; }

    /// <summary>The number of non-empty bins.</summary>
    public int Count => _denseCount + _sparseCount;

    /// <summary>The number of bins the dense window holds (empty ones included); for tests and memory accounting.</summary>
    internal int DenseCapacity => _dense.Length;

    /// <summary>The number of non-empty bins kept in the sparse dictionary; for tests.</summary>
    internal int SparseCount => _sparseCount;

    public IEnumerable<int> Keys
    {
        get
        {
            foreach (KeyValuePair<int, long> bin in this)
            {
                yield return bin.Key;
            }
        }
    }

    public IEnumerable<long> Values
    {
        get
        {
            foreach (KeyValuePair<int, long> bin in this)
            {
                yield return bin.Value;
            }
        }
    }

    public long this[int key] => TryGetValue(key, out long count)
        ? count
        : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"No non-empty bin has key {key}."));

    public bool ContainsKey(int key) => TryGetValue(key, out _);

    public bool TryGetValue(int key, [MaybeNullWhen(false)] out long value)
    {
        int i = key - _offset;
        if ((uint)i < (uint)_dense.Length)
        {
            value = _dense[i];
            return value != 0;
        }

        int k = SparseIndex(key);
        value = k >= 0 ? _sparseCounts[k] : 0;
        return k >= 0;
    }

    /// <summary>Adds <paramref name="count"/> (&gt; 0) to the bin <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key, long count)
    {
        // Keys are bounded by ±(745 / ln γ + 1) < 4·10⁸ (see QuantileSketch), so key − _offset cannot overflow.
        int i = key - _offset;
        long[] dense = _dense;
        if ((uint)i < (uint)dense.Length)
        {
            long total = checked(Total + count);
            ref long bin = ref dense[i];
            _denseCount += bin == 0 ? 1 : 0;
            bin += count;
            Total = total;
        }
        else
        {
            AddOutsideWindow(key, count);
        }
    }

    /// <summary>Adds every bin of <paramref name="other"/> (which may be this store) to this store.</summary>
    public void AddAll(SketchBinStore other)
    {
        if (ReferenceEquals(other, this))
        {
            DoubleAll();
            return;
        }

        int below = other.SparseKeysBelowWindow();
        for (int k = 0; k < below; k++)
        {
            Add(other._sparseKeys[k], other._sparseCounts[k]);
        }

        // Highest dense key first and then the lowest, so the window grows at most once or twice to cover both ends.
        long[] dense = other._dense;
        int first = Array.FindIndex(dense, c => c != 0);
        if (first >= 0)
        {
            int last = Array.FindLastIndex(dense, c => c != 0);
            Add(other._offset + last, dense[last]);
            for (int i = first; i < last; i++)
            {
                if (dense[i] != 0)
                {
                    Add(other._offset + i, dense[i]);
                }
            }
        }

        for (int k = below; k < other._sparseCount; k++)
        {
            Add(other._sparseKeys[k], other._sparseCounts[k]);
        }
    }

    /// <summary>The key of the bin holding the element of 0-based <paramref name="rank"/> in ascending key order (or descending).</summary>
    public int KeyAtRank(long rank, bool descending)
    {
        // The bins partition the sorted elements, so the bin holding descending rank r holds ascending rank Total − 1 − r.
        long target = descending ? Total - 1 - rank : rank;
        long cumulative = 0;
        int lastKey = 0;
        foreach (KeyValuePair<int, long> bin in this)
        {
            cumulative += bin.Value;
            lastKey = bin.Key;
            if (cumulative > target)
            {
                return bin.Key;
            }
        }

        return lastKey;
    }

    public IEnumerator<KeyValuePair<int, long>> GetEnumerator()
    {
        // Sparse keys below the window, the non-empty window bins, then sparse keys above the window.
        int below = SparseKeysBelowWindow();
        for (int k = 0; k < below; k++)
        {
            yield return new KeyValuePair<int, long>(_sparseKeys[k], _sparseCounts[k]);
        }

        long[] dense = _dense;
        int offset = _offset;
        for (int i = 0; i < dense.Length; i++)
        {
            if (dense[i] != 0)
            {
                yield return new KeyValuePair<int, long>(offset + i, dense[i]);
            }
        }

        for (int k = below; k < _sparseCount; k++)
        {
            yield return new KeyValuePair<int, long>(_sparseKeys[k], _sparseCounts[k]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddOutsideWindow(int key, long count)
    {
        long total = checked(Total + count);
        if (!TryGrowWindow(key))
        {
            AddSparse(key, count);
            Total = total;
            return;
        }

        ref long slot = ref _dense[key - _offset];
        _denseCount += slot == 0 ? 1 : 0;
        slot += count;
        Total = total;
    }

    // Reallocates the window so that it covers key (doubling, growing toward the key), if the limits allow; moves the
    // sparse bins that the new window covers into it.
    private bool TryGrowWindow(int key)
    {
        int length = _dense.Length;
        if (length == 0)
        {
            return TryAllocateWindow(key);
        }

        long low = Math.Min((long)_offset, key);
        long high = Math.Max((long)_offset + length - 1, key);
        long span = high - low + 1;
        long limit = GrowthLimit(Count + 1);
        if (span > limit)
        {
            return false;
        }

        int newLength = (int)Math.Min(limit, Math.Max(2L * length, (long)BitOperations.RoundUpToPowerOf2((ulong)span)));
        int newOffset = key < _offset ? (int)(high - newLength + 1) : _offset; // all the new room on the key's side
        long[] grown = new long[newLength];
        Array.Copy(_dense, 0, grown, _offset - newOffset, length);
        _dense = grown;
        _offset = newOffset;
        AbsorbSparse();
        return true;
    }

    // The largest window allowed for this many non-empty bins.
    private long GrowthLimit(int bins) =>
        Math.Min(MaxDenseBins, Math.Max(_policy.MinDenseGrowthLimit, (long)_policy.DenseBinsPerBin * bins));

    // The first window, once the policy's sparse phase is over and a window over every bin so far fits the limit.
    private bool TryAllocateWindow(int key)
    {
        int count = _sparseCount;
        if (count + 1 <= _policy.SparseBinsBeforeWindow)
        {
            return false;
        }

        long low = count > 0 ? Math.Min(key, _sparseKeys[0]) : key;
        long high = count > 0 ? Math.Max(key, _sparseKeys[count - 1]) : key;
        long span = high - low + 1;
        long limit = GrowthLimit(count + 1);
        if (span > limit)
        {
            return false;
        }

        int length = (int)Math.Min(limit, Math.Max(Math.Min(InitialDenseBins, limit), (long)BitOperations.RoundUpToPowerOf2((ulong)span)));
        _dense = new long[length];
        _offset = (int)(low - ((length - span) / 2));
        AbsorbSparse();
        return true;
    }

    // Moves the sparse bins the window now covers into it, keeping the rest in order.
    private void AbsorbSparse()
    {
        int kept = 0;
        for (int k = 0; k < _sparseCount; k++)
        {
            int i = _sparseKeys[k] - _offset;
            if ((uint)i < (uint)_dense.Length)
            {
                _dense[i] = _sparseCounts[k];
                _denseCount++;
            }
            else
            {
                (_sparseKeys[kept], _sparseCounts[kept]) = (_sparseKeys[k], _sparseCounts[k]);
                kept++;
            }
        }

        _sparseCount = kept;
    }

    // Adds to a sparse bin, inserting it in key order when new (12 bytes a bin, no hashing).
    private void AddSparse(int key, long count)
    {
        int k = SparseIndex(key);
        if (k >= 0)
        {
            _sparseCounts[k] += count;
            return;
        }

        k = ~k;
        if (_sparseCount == _sparseKeys.Length)
        {
            int size = Math.Max(4, _sparseCount * 2);
            Array.Resize(ref _sparseKeys, size);
            Array.Resize(ref _sparseCounts, size);
        }

        Array.Copy(_sparseKeys, k, _sparseKeys, k + 1, _sparseCount - k);
        Array.Copy(_sparseCounts, k, _sparseCounts, k + 1, _sparseCount - k);
        (_sparseKeys[k], _sparseCounts[k]) = (key, count);
        _sparseCount++;
    }

    // The index of the sparse key, or its bitwise complement insertion point.
    private int SparseIndex(int key) => _sparseKeys.AsSpan(0, _sparseCount).BinarySearch(key);

    private void DoubleAll()
    {
        Total = checked(Total * 2);
        for (int i = 0; i < _dense.Length; i++)
        {
            _dense[i] *= 2;
        }

        for (int k = 0; k < _sparseCount; k++)
        {
            _sparseCounts[k] *= 2;
        }
    }

    // How many of the ascending sparse keys lie below the window (the rest lie above it).
    private int SparseKeysBelowWindow()
    {
        int index = SparseIndex(_offset);
        return index >= 0 ? index : ~index;
    }
}

/// <summary>When a <see cref="SketchBinStore"/> allocates its dense window and how large it may grow.</summary>
/// <param name="SparseBinsBeforeWindow">Non-empty bins kept sparsely before any window is allocated.</param>
/// <param name="MinDenseGrowthLimit">The window may always grow to this many bins.</param>
/// <param name="DenseBinsPerBin">Beyond that, at most this many window bins per non-empty bin.</param>
internal readonly record struct SketchBinPolicy(int SparseBinsBeforeWindow, int MinDenseGrowthLimit, int DenseBinsPerBin)
{
    /// <summary>Speed first: a window from the first insert, up to 2 048 bins however few are used (≤ 16 KiB).</summary>
    public static SketchBinPolicy Fast { get; } = new(0, SketchBinStore.MinDenseGrowthLimit, SketchBinStore.DenseBinsPerBin);

    /// <summary>Memory first: 32 sparse bins (12 bytes each), then windows at least a quarter full (≤ 32 bytes a bin).</summary>
    public static SketchBinPolicy Compact { get; } = new(32, 0, 4);
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The bins of one side (positive or mirrored negative values) of a <see cref="QuantileSketch"/>: bin key to count.
/// Exposed read-only as a dictionary of the non-empty bins, enumerated in ascending key order, which is also its JSON
/// form.
/// </summary>
/// <remarks>
/// <para>
/// <b>Layout.</b> A dense window <c>long[]</c> of consecutive keys starting at <c>_offset</c> holds the common case,
/// so an insert is one bounds check and one increment (no hashing). A store with few bins keeps them in the sparse
/// dictionary instead (a small sketch, such as one customer's response times, then costs tens of bytes per bin, not
/// a 1 KiB window); the window is allocated when the <see cref="SparseBinsBeforeWindow"/>-th bin arrives, covering
/// every bin so far when they span at most the growth limit (otherwise <see cref="InitialDenseBins"/> bins around the
/// key), and grows by doubling toward a new key outside it, as long as
/// the grown window stays within <see cref="MaxDenseBins"/> and within <see cref="DenseBinsPerBin"/> times the number
/// of non-empty bins (or <see cref="MinDenseGrowthLimit"/>, whichever is larger). A key that would break either limit
/// (a far outlier) goes to a sparse dictionary instead, so one outlier never allocates the keys in between. Keys in
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

    /// <summary>How many non-empty bins a store holds (sparsely) before it allocates its window.</summary>
    internal const int SparseBinsBeforeWindow = 16;

    /// <summary>The window may always grow to this many bins, however few are non-empty.</summary>
    internal const int MinDenseGrowthLimit = 2048;

    /// <summary>Beyond <see cref="MinDenseGrowthLimit"/>, the window may hold at most this many bins per non-empty bin.</summary>
    internal const int DenseBinsPerBin = 16;

    private readonly int _sparseBinsBeforeWindow;
    private long[] _dense = [];
    private int _offset;                 // the key of _dense[0]
    private int _denseCount;             // non-empty bins in _dense
    private Dictionary<int, long>? _sparse;
    private int[]? _sortedSparseKeys;    // ascending; null when a sparse key was added or removed since it was built

    /// <summary>Creates an empty store.</summary>
    /// <param name="sparseBinsBeforeWindow">Bins kept sparsely before the window is allocated; tests of the window pass 0.</param>
    public SketchBinStore(int sparseBinsBeforeWindow = SparseBinsBeforeWindow)
    {
        _sparseBinsBeforeWindow = sparseBinsBeforeWindow;
    }

    /// <summary>The total count over all bins.</summary>
    public long Total { get; private set; }

    /// <summary>The number of non-empty bins.</summary>
    public int Count => _denseCount + (_sparse?.Count ?? 0);

    /// <summary>The number of bins the dense window holds (empty ones included); for tests and memory accounting.</summary>
    internal int DenseCapacity => _dense.Length;

    /// <summary>The number of non-empty bins kept in the sparse dictionary; for tests.</summary>
    internal int SparseCount => _sparse?.Count ?? 0;

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

        value = 0;
        return _sparse is not null && _sparse.TryGetValue(key, out value);
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

        int[] sparseKeys = other.SortedSparseKeys();
        int below = other.SparseKeysBelowWindow(sparseKeys);
        for (int k = 0; k < below; k++)
        {
            Add(sparseKeys[k], other._sparse![sparseKeys[k]]);
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

        for (int k = below; k < sparseKeys.Length; k++)
        {
            Add(sparseKeys[k], other._sparse![sparseKeys[k]]);
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
        int[] sparseKeys = SortedSparseKeys();
        int below = SparseKeysBelowWindow(sparseKeys);
        for (int k = 0; k < below; k++)
        {
            yield return new KeyValuePair<int, long>(sparseKeys[k], _sparse![sparseKeys[k]]);
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

        for (int k = below; k < sparseKeys.Length; k++)
        {
            yield return new KeyValuePair<int, long>(sparseKeys[k], _sparse![sparseKeys[k]]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddOutsideWindow(int key, long count)
    {
        long total = checked(Total + count);
        if (!TryGrowWindow(key))
        {
            _sparse ??= [];
            ref long bin = ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, key, out bool exists);
            bin += count;
            if (!exists)
            {
                _sortedSparseKeys = null;
            }

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
        long limit = Math.Min(MaxDenseBins, Math.Max(MinDenseGrowthLimit, (long)DenseBinsPerBin * (Count + 1)));
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

    // The first window: none while the store is small; then one covering every bin so far if the limit allows.
    private bool TryAllocateWindow(int key)
    {
        int count = _sparse?.Count ?? 0;
        if (count + 1 < _sparseBinsBeforeWindow)
        {
            return false;
        }

        int[] keys = SortedSparseKeys();
        long low = Math.Min(key, keys.Length > 0 ? keys[0] : key);
        long high = Math.Max(key, keys.Length > 0 ? keys[^1] : key);
        long span = high - low + 1;
        long limit = Math.Min(MaxDenseBins, Math.Max(MinDenseGrowthLimit, (long)DenseBinsPerBin * (count + 1)));
        if (span <= limit)
        {
            int length = (int)Math.Min(limit, Math.Max(InitialDenseBins, (long)BitOperations.RoundUpToPowerOf2((ulong)span)));
            _dense = new long[length];
            _offset = (int)(low - ((length - span) / 2));
        }
        else
        {
            _dense = new long[InitialDenseBins];
            _offset = key - (InitialDenseBins / 2);
        }

        AbsorbSparse();
        return true;
    }

    private void AbsorbSparse()
    {
        if (_sparse is not { Count: > 0 })
        {
            return;
        }

        foreach (int key in SortedSparseKeys())
        {
            int i = key - _offset;
            if ((uint)i < (uint)_dense.Length)
            {
                _dense[i] = _sparse[key];
                _denseCount++;
                _sparse.Remove(key);
                _sortedSparseKeys = null;
            }
        }
    }

    private void DoubleAll()
    {
        Total = checked(Total * 2);
        for (int i = 0; i < _dense.Length; i++)
        {
            _dense[i] *= 2;
        }

        if (_sparse is not null)
        {
            foreach (int key in SortedSparseKeys())
            {
                _sparse[key] *= 2;
            }
        }
    }

    // How many of the ascending sparse keys lie below the window (the rest lie above it).
    private int SparseKeysBelowWindow(int[] sortedSparseKeys)
    {
        int index = Array.BinarySearch(sortedSparseKeys, _offset);
        return index >= 0 ? index : ~index;
    }

    private int[] SortedSparseKeys()
    {
        if (_sortedSparseKeys is null)
        {
            int[] keys = _sparse is null ? [] : new int[_sparse.Count];
            _sparse?.Keys.CopyTo(keys, 0);
            Array.Sort(keys);
            _sortedSparseKeys = keys;
        }

        return _sortedSparseKeys;
    }
}

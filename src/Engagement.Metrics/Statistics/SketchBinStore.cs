using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The bins of one side (positive or mirrored negative values) of a <see cref="QuantileSketch"/>: a sparse map from
/// bin key to count, so memory follows the number of non-empty bins however far apart they are (one outlier never
/// allocates the keys in between). Exposed read-only as a dictionary of the non-empty bins, enumerated in ascending
/// key order, which is also its JSON form.
/// </summary>
internal sealed class SketchBinStore : IReadOnlyDictionary<int, long>
{
    private readonly Dictionary<int, long> _bins = [];
    private int[]? _sortedKeys; // ascending; null when a key was added since it was built

    /// <summary>The total count over all bins.</summary>
    public long Total { get; private set; }

    /// <summary>The number of non-empty bins.</summary>
    public int Count => _bins.Count;

    // An iterator rather than the cached array itself, so callers cannot cast it back and reorder the cache.
    public IEnumerable<int> Keys
    {
        get
        {
            foreach (int key in SortedKeys())
            {
                yield return key;
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

    public long this[int key] => _bins.TryGetValue(key, out long count)
        ? count
        : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"No non-empty bin has key {key}."));

    public bool ContainsKey(int key) => _bins.ContainsKey(key);

    public bool TryGetValue(int key, [MaybeNullWhen(false)] out long value) => _bins.TryGetValue(key, out value);

    /// <summary>Adds <paramref name="count"/> (&gt; 0) to the bin <paramref name="key"/>.</summary>
    public void Add(int key, long count)
    {
        long total = checked(Total + count);
        ref long bin = ref CollectionsMarshal.GetValueRefOrAddDefault(_bins, key, out bool exists);
        bin += count;
        if (!exists)
        {
            _sortedKeys = null;
        }

        Total = total;
    }

    /// <summary>Adds every bin of <paramref name="other"/> (which may be this store) to this store.</summary>
    public void AddAll(SketchBinStore other)
    {
        // Iterate a snapshot of the keys, so that merging a store into itself (doubling it) is safe too.
        foreach (int key in other.SortedKeys())
        {
            Add(key, other._bins[key]);
        }
    }

    /// <summary>The key of the bin holding the element of 0-based <paramref name="rank"/> in ascending key order (or descending).</summary>
    public int KeyAtRank(long rank, bool descending)
    {
        int[] keys = SortedKeys();
        long cumulative = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            int key = keys[descending ? keys.Length - 1 - i : i];
            cumulative += _bins[key];
            if (cumulative > rank)
            {
                return key;
            }
        }

        return keys[descending ? 0 : keys.Length - 1];
    }

    public IEnumerator<KeyValuePair<int, long>> GetEnumerator()
    {
        foreach (int key in SortedKeys())
        {
            yield return new KeyValuePair<int, long>(key, _bins[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int[] SortedKeys()
    {
        if (_sortedKeys is null)
        {
            int[] keys = new int[_bins.Count];
            _bins.Keys.CopyTo(keys, 0);
            Array.Sort(keys);
            _sortedKeys = keys;
        }

        return _sortedKeys;
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Listening;

/// <summary>
/// Bounded-memory top-k counting of items or themes: the Space-Saving algorithm of Metwally, Agrawal and El Abbadi
/// (2005), mergeable by the rule of Agarwal et al. (2012). Memory is <see cref="Capacity"/> counters, whatever the
/// stream's length or vocabulary.
/// </summary>
/// <remarks>
/// <para>
/// <b>Update</b> (Metwally, Agrawal and El Abbadi 2005, "Efficient Computation of Frequent and Top-k Elements in Data
/// Streams", ICDT, LNCS 3363): a monitored item's counter grows by the weight; an unmonitored item takes a free
/// counter, or replaces the item with the smallest counter <c>m</c>, starting at <c>m + weight</c> with error
/// <c>m</c>.
/// </para>
/// <para>
/// <b>Guarantee.</b> For every monitored item, <c>Count − Error ≤ f ≤ Count</c> (<see cref="HeavyHitter"/>); every
/// unmonitored item has <c>f ≤ </c><see cref="UnmonitoredBound"/>; and <c>Error ≤ UnmonitoredBound ≤ N / k</c>, with
/// N = <see cref="TotalWeight"/> and k = <see cref="Capacity"/>. Hence every item with <c>f &gt; N / k</c> is
/// monitored, and every count overestimates by at most N / k.
/// </para>
/// <para>
/// <b>Merge</b> (Agarwal, Cormode, Huang, Phillips, Wei and Yi 2012, "Mergeable Summaries", PODS, §3): Space-Saving
/// with k counters is isomorphic to Misra–Gries with k − 1 counters (counts minus the smallest counter), and the
/// paper's Misra–Gries merge adds the two summaries' counters and subtracts the k-th largest. Read back in
/// Space-Saving form: each item's merged count is the sum, over the two sketches, of its counter there or that
/// sketch's <see cref="UnmonitoredBound"/> when it is not monitored there (errors likewise); the items whose merged
/// count exceeds the k-th largest merged count are kept (at most k − 1), and that k-th count becomes the merged
/// <see cref="UnmonitoredBound"/>. The guarantee above holds for the merged sketch with N = N₁ + N₂, for any merge
/// order.
/// </para>
/// <para>
/// An unmonitored item's string is created when it takes a counter; monitored items are looked up by span. Not
/// thread-safe: one sketch per thread, then merge.
/// </para>
/// </remarks>
public sealed class SpaceSavingSketch : IMergeableAccumulator<SpaceSavingSketch>
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _items;
    private readonly long[] _counts;
    private readonly long[] _errors;
    private readonly int[] _heap;
    private readonly int[] _position;
    private ThemeTokenizer? _tokenizer;
    private int _size;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="capacity">The number of counters k, 2..10⁷: the memory, and the error bound N / k.</param>
    /// <param name="themes">How <see cref="AddTerms"/> splits text into themes; <see langword="null"/> for <see cref="ThemeOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="themes"/> is not valid.</exception>
    public SpaceSavingSketch(int capacity, ThemeOptions? themes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 10_000_000);
        Capacity = capacity;
        Themes = (themes ?? ThemeOptions.Default).Validate();
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _items = new string[capacity];
        _counts = new long[capacity];
        _errors = new long[capacity];
        _heap = new int[capacity];
        _position = new int[capacity];
    }

    /// <summary>Restores a sketch from its persisted state (also the JSON constructor).</summary>
    /// <param name="capacity">The number of counters.</param>
    /// <param name="themes">How text is split into themes.</param>
    /// <param name="totalWeight">N, the total weight added, ≥ 0.</param>
    /// <param name="floor">The bound on unmonitored items left by merges, 0..N.</param>
    /// <param name="items">The monitored items, at most <paramref name="capacity"/>, distinct, each with count ≥ floor.</param>
    /// <exception cref="ArgumentException">The state is inconsistent.</exception>
    [JsonConstructor]
    public SpaceSavingSketch(int capacity, ThemeOptions themes, long totalWeight, long floor, IReadOnlyList<HeavyHitter> items)
        : this(capacity, themes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(totalWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(floor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(floor, totalWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, capacity, nameof(items) + ".Count");
        foreach (HeavyHitter item in items)
        {
            if (item.Count < floor || _index.ContainsKey(item.Item))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Item '{item.Item}' repeats or has a count ({item.Count}) below the floor {floor}."), nameof(items));
            }

            Insert(item.Item, item.Count, item.Error);
        }

        TotalWeight = totalWeight;
        Floor = floor;
    }

    /// <summary>The number of counters k.</summary>
    public int Capacity { get; }

    /// <summary>How <see cref="AddTerms"/> splits text into themes.</summary>
    public ThemeOptions Themes { get; }

    /// <summary>N: the total weight added (items, or term occurrences for <see cref="AddTerms"/>), merged sketches included.</summary>
    public long TotalWeight { get; private set; }

    /// <summary>The bound on unmonitored items left by merges (0 for a sketch that was never merged); part of the persisted state.</summary>
    public long Floor { get; private set; }

    /// <summary>The monitored items, in no particular order (the persisted state; use <see cref="Top"/> for a ranking).</summary>
    public IReadOnlyList<HeavyHitter> Items
    {
        get
        {
            var list = new HeavyHitter[_size];
            for (int i = 0; i < _size; i++)
            {
                list[i] = new HeavyHitter(_items[i], _counts[i], _errors[i]);
            }

            return list;
        }
    }

    /// <summary>The number of items added (the total weight <see cref="TotalWeight"/>).</summary>
    [JsonIgnore]
    public long Count => TotalWeight;

    /// <summary>
    /// The largest true count an unmonitored item can have: the smallest counter when all k are in use, otherwise
    /// <see cref="Floor"/>. Never more than <see cref="MaximumError"/>.
    /// </summary>
    [JsonIgnore]
    public long UnmonitoredBound => _size == Capacity ? _counts[_heap[0]] : Floor;

    /// <summary>The documented error bound N / k (rounded down): no count overestimates by more.</summary>
    [JsonIgnore]
    public long MaximumError => TotalWeight / Capacity;

    /// <summary>Adds an item.</summary>
    /// <param name="item">The item (compared ordinally).</param>
    /// <param name="weight">How many times it occurred, ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is below 1.</exception>
    public void Add(ReadOnlySpan<char> item, long weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        AddCore(item, weight);
    }

    /// <summary>Adds every theme of a message (the terms <see cref="TermCountAccumulator"/> would count) with weight 1.</summary>
    /// <param name="text">The message.</param>
    public void AddTerms(ReadOnlySpan<char> text)
    {
        _tokenizer ??= new ThemeTokenizer(Themes.Language, Themes.MinimumWordLength);
        _tokenizer.Tokenize(text);
        var sink = new Sink(this);
        _tokenizer.ForEachTerm(Themes.MaxWords, ref sink);
    }

    /// <summary>The estimate for one item: its counter when monitored, otherwise (<see cref="UnmonitoredBound"/>, error = bound).</summary>
    /// <param name="item">The item.</param>
    /// <returns>Bounds on the item's true count: <c>Count − Error ≤ f ≤ Count</c>.</returns>
    public HeavyHitter Estimate(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_index.TryGetValue(item, out int i))
        {
            return new HeavyHitter(item, _counts[i], _errors[i]);
        }

        long bound = UnmonitoredBound;
        return new HeavyHitter(item, bound, bound);
    }

    /// <summary>The monitored items with the largest counts.</summary>
    /// <param name="count">How many, ≥ 0.</param>
    /// <returns>At most <paramref name="count"/> items, largest count first (ties by guaranteed count, then item, ordinal).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<HeavyHitter> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new List<HeavyHitter>(Items);
        list.Sort(Compare);
        if (list.Count > count)
        {
            list.RemoveRange(count, list.Count - count);
        }

        return list;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The other sketch has a different capacity or theme options.</exception>
    public void Merge(SpaceSavingSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Capacity != Capacity || !other.Themes.Equals(Themes))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot merge a sketch with {other.Capacity} counters into one with {Capacity}, or with different ThemeOptions; use the same settings everywhere."), nameof(other));
        }

        long m1 = UnmonitoredBound;
        long m2 = other.UnmonitoredBound;
        var merged = new Dictionary<string, (long Count, long Error)>(_size + other._size, StringComparer.Ordinal);
        for (int i = 0; i < _size; i++)
        {
            merged[_items[i]] = (_counts[i] + m2, _errors[i] + m2);
        }

        for (int i = 0; i < other._size; i++)
        {
            string item = other._items[i];
            merged[item] = merged.TryGetValue(item, out (long Count, long Error) mine)
                ? (mine.Count - m2 + other._counts[i], mine.Error - m2 + other._errors[i])
                : (m1 + other._counts[i], m1 + other._errors[i]);
        }

        var all = new List<HeavyHitter>(merged.Count);
        foreach (KeyValuePair<string, (long Count, long Error)> pair in merged)
        {
            all.Add(new HeavyHitter(pair.Key, pair.Value.Count, pair.Value.Error));
        }

        all.Sort(Compare);
        long floor = m1 + m2;
        int keep = all.Count;
        if (all.Count >= Capacity)
        {
            // Agarwal et al.: subtract the k-th largest counter; items at or below it are dropped.
            floor = all[Capacity - 1].Count;
            keep = 0;
            while (keep < all.Count && all[keep].Count > floor)
            {
                keep++;
            }
        }

        Clear();
        for (int i = 0; i < keep; i++)
        {
            Insert(all[i].Item, all[i].Count, all[i].Error);
        }

        Floor = floor;
        TotalWeight += other.TotalWeight;
    }

    /// <inheritdoc />
    public SpaceSavingSketch CreateEmpty() => new(Capacity, Themes);

    private static int Compare(HeavyHitter a, HeavyHitter b)
    {
        int c = b.Count.CompareTo(a.Count);
        c = c != 0 ? c : b.GuaranteedCount.CompareTo(a.GuaranteedCount);
        return c != 0 ? c : string.CompareOrdinal(a.Item, b.Item);
    }

    private void AddCore(ReadOnlySpan<char> item, long weight)
    {
        TotalWeight += weight;
        if (_lookup.TryGetValue(item, out int index))
        {
            _counts[index] += weight;
            SiftDown(_position[index]);
            return;
        }

        if (_size < Capacity)
        {
            Insert(item.ToString(), Floor + weight, Floor);
            return;
        }

        index = _heap[0];
        long minimum = _counts[index];
        _index.Remove(_items[index]);
        string key = item.ToString();
        _items[index] = key;
        _index.Add(key, index);
        _counts[index] = minimum + weight;
        _errors[index] = minimum;
        SiftDown(0);
    }

    private void Insert(string item, long count, long error)
    {
        int index = _size++;
        _items[index] = item;
        _counts[index] = count;
        _errors[index] = error;
        _index.Add(item, index);
        _heap[index] = index;
        _position[index] = index;
        SiftUp(index);
    }

    private void Clear()
    {
        _index.Clear();
        Array.Clear(_items);
        _size = 0;
    }

    private void SiftUp(int at)
    {
        int[] heap = _heap;
        while (at > 0)
        {
            int parent = (at - 1) >> 1;
            if (_counts[heap[parent]] <= _counts[heap[at]])
            {
                break;
            }

            Swap(at, parent);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        int[] heap = _heap;
        while (true)
        {
            int left = (2 * at) + 1;
            if (left >= _size)
            {
                return;
            }

            int child = left + 1 < _size && _counts[heap[left + 1]] < _counts[heap[left]] ? left + 1 : left;
            if (_counts[heap[at]] <= _counts[heap[child]])
            {
                return;
            }

            Swap(at, child);
            at = child;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _position[_heap[a]] = a;
        _position[_heap[b]] = b;
    }

    private readonly struct Sink(SpaceSavingSketch owner) : ITermSink
    {
        public void Prepare(ReadOnlySpan<ulong> hashes)
        {
        }

        public void Add(ReadOnlySpan<char> term, ulong hash, int words) => owner.AddCore(term, 1);
    }
}

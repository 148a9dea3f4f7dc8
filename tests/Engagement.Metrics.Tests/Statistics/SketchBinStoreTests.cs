using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

// The dense-window + sparse-fallback bin store against a plain sorted dictionary (the reference layout it replaced).
public class SketchBinStoreTests
{
    // Keys clustered around a centre (the dense case), near the window's edges, and far outliers (the sparse case).
    private static readonly Gen<int> Key =
        Gen.Frequency(
            (20, Gen.Choose(-300, 300)),
            (3, Gen.Choose(-5_000, 5_000)),
            (1, Gen.Choose(-400_000_000, 400_000_000)),
            (1, Gen.Elements(-SketchBinStore.MaxDenseBins, SketchBinStore.MaxDenseBins, SketchBinStore.MinDenseGrowthLimit, 3 * SketchBinStore.MaxDenseBins)));

    private static readonly Gen<(int Key, long Count)[]> Inserts =
        Gen.Choose(0, 600).SelectMany(n => Key.SelectMany(k => Gen.Choose(1, 5).Select(c => (k, (long)c))).ArrayOf(n));

    [Property(MaxTest = 300)]
    public Property Store_AnyInserts_MatchesASortedDictionary() =>
        Prop.ForAll(
            Arb.From(Inserts),
            inserts =>
            {
                (SketchBinStore store, SortedDictionary<int, long> reference) = Build(inserts);
                return SameAs(reference, store);
            });

    [Property(MaxTest = 200)]
    public Property AddAll_OfTwoStores_MatchesTheUnionOfDictionaries() =>
        Prop.ForAll(
            Arb.From(from a in Inserts from b in Inserts select (A: a, B: b)),
            x =>
            {
                (SketchBinStore left, SortedDictionary<int, long> expected) = Build(x.A);
                (SketchBinStore right, SortedDictionary<int, long> rightReference) = Build(x.B);
                foreach (KeyValuePair<int, long> bin in rightReference)
                {
                    expected[bin.Key] = expected.GetValueOrDefault(bin.Key) + bin.Value;
                }

                left.AddAll(right);
                return SameAs(expected, left) && SameAs(rightReference, right);
            });

    [Fact]
    public void Add_KeysFarApart_KeepsTheOutliersSparseAndEnumeratesInKeyOrder()
    {
        var store = new SketchBinStore();
        int[] keys = [100, 101, 99, -30_000_000, 250, 30_000_000, 100, -1_000, 98];
        foreach (int key in keys)
        {
            store.Add(key, 1);
        }

        Assert.Equal([-30_000_000, -1_000, 98, 99, 100, 101, 250, 30_000_000], store.Keys);
        Assert.Equal([1L, 1, 1, 1, 2, 1, 1, 1], store.Values);
        Assert.Equal(8, store.Count);
        Assert.Equal(9, store.Total);
        Assert.Equal(2, store.SparseCount); // ±3·10⁷ would need a window far beyond the limits
        Assert.InRange(store.DenseCapacity, 1, SketchBinStore.MinDenseGrowthLimit);
        Assert.Equal(-30_000_000, store.KeyAtRank(0, descending: false));
        Assert.Equal(30_000_000, store.KeyAtRank(0, descending: true));
        Assert.Equal(100, store.KeyAtRank(4, descending: false));
        Assert.Equal(100, store.KeyAtRank(5, descending: false));
        Assert.Equal(101, store.KeyAtRank(6, descending: false));
    }

    [Fact]
    public void Add_WindowGrowsOverASparseKey_MovesThatBinIntoTheWindow()
    {
        var store = new SketchBinStore();
        store.Add(0, 1);
        store.Add(5_000, 7); // beyond the 2 048-bin growth limit of a store with one bin: sparse
        Assert.Equal(1, store.SparseCount);
        for (int key = 1; key <= 400; key++)
        {
            store.Add(key, 1); // 401 non-empty bins allow a window of 16·402 bins
        }

        store.Add(4_500, 1); // grows the window from its start to the limit of 6 448 bins, over key 5 000
        Assert.Equal(0, store.SparseCount);
        Assert.Equal(7, store[5_000]);
        Assert.Equal(403, store.Count);
        Assert.Equal(409, store.Total);
        Assert.Equal([.. Enumerable.Range(0, 401), 4_500, 5_000], store.Keys);
    }

    [Fact]
    public void AddAll_Itself_DoublesDenseAndSparseBins()
    {
        var store = new SketchBinStore();
        store.Add(10, 3);
        store.Add(-90_000_000, 2);
        store.AddAll(store);
        Assert.Equal([new KeyValuePair<int, long>(-90_000_000, 4), new KeyValuePair<int, long>(10, 6)], store.ToArray());
        Assert.Equal(10, store.Total);
    }

    [Fact]
    public void CompactPolicy_KeepsFewOrSpreadBinsSparse_AndAllocatesOnlyQuarterFullWindows()
    {
        var store = new SketchBinStore(SketchBinPolicy.Compact);
        for (int i = 0; i < 32; i++)
        {
            store.Add(i * 3, 1); // 32 bins over 94 keys: a small sketch costs 12 bytes a bin, no window
        }

        Assert.Equal(0, store.DenseCapacity);
        Assert.Equal(32, store.SparseCount);

        store.Add(-30, 2); // the 33rd bin: keys -30 … 93 (124 keys ≤ 4 × 33) fit one window, which takes them all
        Assert.Equal(128, store.DenseCapacity);
        Assert.Equal(0, store.SparseCount);

        store.Add(5_000, 1); // a window to 5 000 would be far less than a quarter full: sparse
        Assert.Equal(1, store.SparseCount);
        Assert.Equal([-30, .. Enumerable.Range(0, 32).Select(i => i * 3), 5_000], store.Keys);
        Assert.Equal(35, store.Total);
    }

    [Fact]
    public void Lookups_EmptyWindowSlotsAndMissingKeys_AreNotBins()
    {
        var store = new SketchBinStore();
        Assert.Empty(store);
        Assert.False(store.ContainsKey(0));
        store.Add(10, 1);
        Assert.False(store.ContainsKey(11)); // inside the window, but empty
        Assert.False(store.TryGetValue(11, out _));
        Assert.Throws<KeyNotFoundException>(() => store[11]);
        Assert.False(store.ContainsKey(1_000_000));
        Assert.True(store.TryGetValue(10, out long count));
        Assert.Equal(1, count);
    }

    [Fact]
    public void Add_CountOverflow_Throws()
    {
        var store = new SketchBinStore();
        store.Add(0, long.MaxValue);
        Assert.Throws<OverflowException>(() => store.Add(0, 1));
        Assert.Throws<OverflowException>(() => store.Add(300_000_000, 1));
        Assert.Equal(long.MaxValue, store[0]);
        Assert.Single(store);
    }

    private static (SketchBinStore Store, SortedDictionary<int, long> Reference) Build((int Key, long Count)[] inserts)
    {
        var store = new SketchBinStore();
        var reference = new SortedDictionary<int, long>();
        foreach ((int key, long count) in inserts)
        {
            store.Add(key, count);
            reference[key] = reference.GetValueOrDefault(key) + count;
        }

        return (store, reference);
    }

    private static bool SameAs(SortedDictionary<int, long> reference, SketchBinStore store)
    {
        Assert.Equal(reference.ToArray(), store.ToArray());
        Assert.Equal(reference.Keys.ToArray(), store.Keys.ToArray());
        Assert.Equal(reference.Values.ToArray(), store.Values.ToArray());
        Assert.Equal(reference.Count, store.Count);
        Assert.Equal(reference.Values.Sum(), store.Total);
        Assert.InRange(store.DenseCapacity, 0, SketchBinStore.MaxDenseBins);
        foreach (int key in reference.Keys)
        {
            Assert.True(store.ContainsKey(key));
            Assert.Equal(reference[key], store[key]);
            Assert.False(store.ContainsKey(key + 1) && !reference.ContainsKey(key + 1));
        }

        // The first and last rank and about 60 in between, in both directions, against a walk over the sorted reference.
        long total = store.Total;
        for (long rank = 0; rank < total; rank = rank == total - 1 ? total : Math.Min(total - 1, rank + 1 + (total / 60)))
        {
            Assert.Equal(ReferenceKeyAtRank(reference, rank, descending: false), store.KeyAtRank(rank, descending: false));
            Assert.Equal(ReferenceKeyAtRank(reference, rank, descending: true), store.KeyAtRank(rank, descending: true));
        }

        return true;
    }

    private static int ReferenceKeyAtRank(SortedDictionary<int, long> reference, long rank, bool descending)
    {
        long cumulative = 0;
        foreach (KeyValuePair<int, long> bin in descending ? reference.Reverse() : reference)
        {
            cumulative += bin.Value;
            if (cumulative > rank)
            {
                return bin.Key;
            }
        }

        throw new InvalidOperationException("rank beyond the total");
    }
}

using Engagement.Metrics.Listening;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Listening;

public class SpaceSavingSketchTests
{
    [Fact]
    public void WithFewerDistinctItemsThanCounters_CountsAreExact()
    {
        var sketch = new SpaceSavingSketch(4);
        foreach (string item in new[] { "a", "b", "a", "c", "a", "b" })
        {
            sketch.Add(item);
        }

        Assert.Equal([new HeavyHitter("a", 3, 0), new HeavyHitter("b", 2, 0), new HeavyHitter("c", 1, 0)], sketch.Top(10));
        Assert.Equal(0, sketch.UnmonitoredBound);
        Assert.Equal(new HeavyHitter("zzz", 0, 0), sketch.Estimate("zzz"));
    }

    [Fact]
    public void Eviction_FollowsMetwallyEtAl()
    {
        // k = 2: a, b fill the counters; c replaces the smaller (b, 1) and starts at 1 + 1 with error 1.
        var sketch = new SpaceSavingSketch(2);
        sketch.Add("a", 2);
        sketch.Add("b");
        sketch.Add("c");
        Assert.Equal([new HeavyHitter("a", 2, 0), new HeavyHitter("c", 2, 1)], sketch.Top(2));
        Assert.Equal(2, sketch.UnmonitoredBound);
        Assert.Equal(2, sketch.MaximumError); // N / k = 4 / 2
    }

    [Fact]
    public void AddTerms_CountsTheSameThemesAsTheExactCounter()
    {
        var sketch = new SpaceSavingSketch(1000);
        var exact = new TermCountAccumulator();
        foreach (string text in new[] { "Otra caída del servicio", "refund please, refund now", "La caída del servicio sigue" })
        {
            sketch.AddTerms(text);
            exact.Add(text);
        }

        Assert.Equal(exact.TotalOccurrences(1) + exact.TotalOccurrences(2) + exact.TotalOccurrences(3), sketch.TotalWeight);
        foreach (TermCount t in exact.Terms)
        {
            Assert.Equal(new HeavyHitter(t.Term, t.Count, 0), sketch.Estimate(t.Term));
        }
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpaceSavingSketch(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpaceSavingSketch(4).Add("a", 0));
        Assert.Throws<ArgumentException>(() => new SpaceSavingSketch(4).Merge(new SpaceSavingSketch(5)));
    }

    // The published guarantee on random skewed streams, after splitting the stream into parts summarised separately
    // and merged in a random order: Count − Error ≤ f ≤ Count for monitored items, f ≤ UnmonitoredBound otherwise,
    // and Error ≤ UnmonitoredBound ≤ N / k, so every item with f > N / k is monitored.
    [Property(MaxTest = 200)]
    public bool Guarantee_HoldsOnRandomStreams_AfterMerges(int seed, byte capacityByte, byte partsByte)
    {
        var random = new Random(seed);
        int k = 2 + (capacityByte % 30);
        int parts = 1 + (partsByte % 5);
        int universe = 5 + random.Next(200);
        int length = random.Next(2000);
        var exact = new Dictionary<string, long>(StringComparer.Ordinal);
        var sketches = Enumerable.Range(0, parts).Select(_ => new SpaceSavingSketch(k)).ToList();
        for (int i = 0; i < length; i++)
        {
            // Skewed: the square of a uniform favours small item numbers.
            double u = random.NextDouble();
            string item = "t" + (int)(u * u * universe);
            long weight = 1 + (random.Next(10) == 0 ? random.Next(5) : 0);
            exact[item] = exact.GetValueOrDefault(item) + weight;
            sketches[random.Next(parts)].Add(item, weight);
        }

        while (sketches.Count > 1)
        {
            int a = random.Next(sketches.Count);
            SpaceSavingSketch x = sketches[a];
            sketches.RemoveAt(a);
            int b = random.Next(sketches.Count);
            sketches[b].Merge(x);
        }

        SpaceSavingSketch s = sketches[0];
        long n = exact.Values.Sum();
        if (s.TotalWeight != n || s.UnmonitoredBound > n / k || s.Items.Count > k)
        {
            return false;
        }

        foreach (HeavyHitter h in s.Items)
        {
            long f = exact.GetValueOrDefault(h.Item);
            if (f > h.Count || f < h.GuaranteedCount || h.Error > s.UnmonitoredBound)
            {
                return false;
            }
        }

        var monitored = s.Items.Select(h => h.Item).ToHashSet(StringComparer.Ordinal);
        foreach ((string item, long f) in exact)
        {
            if (!monitored.Contains(item) && (f > s.UnmonitoredBound || f > n / k))
            {
                return false;
            }
        }

        return true;
    }
}

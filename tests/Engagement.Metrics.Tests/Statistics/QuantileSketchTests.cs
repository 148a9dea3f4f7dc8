using System.Text.Json;
using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

public class QuantileSketchTests
{
    private static readonly double[] Grid = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

    // α = 0.01 plus rounding: a value exactly on a bin edge (such as 1 = γ⁰) is estimated with error exactly α.
    private const double Bound = 0.01 + 1e-12;

    [Fact]
    public void Constructor_Default_HasOnePercentAccuracyAndIsEmpty()
    {
        var sketch = new QuantileSketch();
        Assert.Equal(0.01, sketch.RelativeAccuracy);
        Assert.Equal(0, sketch.Count);
        Assert.Null(sketch.Quantile(0.5));
        Assert.Null(sketch.Min);
        Assert.Null(sketch.Max);
        Assert.Empty(sketch.PositiveBins);
        Assert.Empty(sketch.NegativeBins);
    }

    [Property(MaxTest = 200)]
    public Property Quantile_AnySample_IsWithinRelativeAccuracyOfTheLowerOrderStatistic() =>
        Prop.ForAll(
            Arb.From(
                from values in Generators.MixedSample(500)
                from alpha in Gen.Elements(1e-4, 0.001, 0.01, 0.05, 0.2, 0.5)
                from p in Generators.Probability
                select (Values: values, Alpha: alpha, P: p)),
            x =>
            {
                var sketch = new QuantileSketch(x.Alpha);
                sketch.AddRange(x.Values);
                double[] sorted = Sorted(x.Values);
                foreach (double p in (double[])[.. Grid, x.P])
                {
                    if (!WithinBound(sketch, sorted, p))
                    {
                        return false;
                    }
                }

                return true;
            });

    [Fact]
    public void Quantile_LogNormalResponseTimes_AreWithinOnePercent()
    {
        // 100 000 log-normal "response times" (median 200 ms, σ = 1.2), seeded.
        var random = new Random(7);
        double[] values = new double[100_000];
        for (int i = 0; i < values.Length; i++)
        {
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            values[i] = 0.2 * Math.Exp(1.2 * z);
        }

        var sketch = new QuantileSketch(0.01);
        sketch.AddRange(values);
        double[] sorted = Sorted(values);
        foreach (double p in Grid)
        {
            Assert.True(WithinBound(sketch, sorted, p), $"p = {p}");
        }

        // About ln(max/min)/ln γ bins, far fewer than values.
        double expectedBins = (Math.Log(sorted[^1] / sorted[0]) / Math.Log(1.01 / 0.99)) + 2;
        Assert.InRange(sketch.PositiveBins.Count, 1, (int)expectedBins);
    }

    [Fact]
    public void Quantile_ExtremeProbabilities_AreTheExactMinimumAndMaximum()
    {
        var sketch = new QuantileSketch(0.05);
        sketch.AddRange([3.3, -7.25, 0, 1e-9, 12_345.678]);
        Assert.Equal(-7.25, sketch.Quantile(0));
        Assert.Equal(12_345.678, sketch.Quantile(1));
        Assert.Equal(-7.25, sketch.Min);
        Assert.Equal(12_345.678, sketch.Max);
    }

    [Fact]
    public void Quantile_SingleValue_IsThatValue()
    {
        var sketch = new QuantileSketch(0.2);
        sketch.Add(0.123);
        Assert.Equal(0.123, sketch.Quantile(0.5));
    }

    [Fact]
    public void Quantile_NegativeAndZeroValues_AreOrderedCorrectly()
    {
        var sketch = new QuantileSketch(0.01);
        sketch.AddRange([-100, -10, -1, 0, 0, 1, 10, 100, 1000]);
        Assert.Equal(2, sketch.ZeroCount);
        Assert.Equal(-100.0, sketch.Quantile(0));
        NumericAssert.Close(-10, sketch.Quantile(0.125)!.Value, Bound);
        NumericAssert.Close(-1, sketch.Quantile(0.25)!.Value, Bound);
        Assert.Equal(0.0, sketch.Quantile(0.375));
        Assert.Equal(0.0, sketch.Quantile(0.5));
        NumericAssert.Close(1, sketch.Quantile(0.625)!.Value, Bound);
        NumericAssert.Close(100, sketch.Quantile(0.875)!.Value, Bound);
    }

    [Fact]
    public void Bins_OneAndMinusOne_GoToKeyZero()
    {
        // key = ⌈log_γ |x|⌉, so 1 lands in bin 0, and γ^i itself in bin i.
        var sketch = new QuantileSketch(0.01);
        sketch.Add(1);
        sketch.Add(-1);
        sketch.Add(1);
        Assert.Equal(new Dictionary<int, long> { [0] = 2 }, sketch.PositiveBins);
        Assert.Equal(new Dictionary<int, long> { [0] = 1 }, sketch.NegativeBins);
        Assert.True(sketch.PositiveBins.ContainsKey(0));
        Assert.False(sketch.PositiveBins.ContainsKey(1));
        Assert.Equal(2, sketch.PositiveBins[0]);
        Assert.Throws<KeyNotFoundException>(() => sketch.PositiveBins[5]);
        Assert.Equal([0], sketch.PositiveBins.Keys);
        Assert.Equal([2L], sketch.PositiveBins.Values);
    }

    [Property]
    public Property Merge_OfSplit_EqualsWhole() =>
        Prop.ForAll(
            Arb.From(Generators.SplitSample(Gen.OneOf(Generators.Value, Generators.Duration, Generators.TiedValue), 400)),
            x =>
            {
                var whole = new QuantileSketch(0.02);
                whole.AddRange(x.Values);
                var left = new QuantileSketch(0.02);
                left.AddRange(x.Values.AsSpan(0, x.Split));
                var right = new QuantileSketch(0.02);
                foreach (double v in x.Values.AsSpan(x.Split))
                {
                    right.Add(v);
                }

                left.Merge(right);
                return Identical(whole, left);
            });

    [Property]
    public Property Merge_IsCommutativeAndAssociative() =>
        Prop.ForAll(
            Arb.From(
                from a in Generators.Sample(Generators.Value, 100)
                from b in Generators.Sample(Generators.Duration, 100)
                from c in Generators.Sample(Generators.TiedValue, 100)
                select (A: a, B: b, C: c)),
            x =>
            {
                QuantileSketch abc = Of(x.A);
                abc.Merge(Of(x.B));
                abc.Merge(Of(x.C));
                QuantileSketch cb = Of(x.C);
                cb.Merge(Of(x.B));
                QuantileSketch acb = Of(x.A);
                acb.Merge(cb);
                return Identical(abc, acb);
            });

    [Fact]
    public void Merge_Itself_DoublesEveryCount()
    {
        QuantileSketch sketch = Of([1, 2, 3, -4, 0]);
        sketch.Merge(sketch);
        Assert.Equal(10, sketch.Count);
        Assert.Equal(2, sketch.ZeroCount);
        Assert.Equal(6, sketch.PositiveBins.Values.Sum());
        Assert.Equal(2, sketch.NegativeBins.Values.Sum());
        Identical(Of([1, 2, 3, -4, 0, 1, 2, 3, -4, 0]), sketch);
    }

    [Fact]
    public void Merge_DifferentRelativeAccuracy_ThrowsSayingSo()
    {
        var e = Assert.Throws<ArgumentException>(() => new QuantileSketch(0.01).Merge(new QuantileSketch(0.02)));
        Assert.Equal("other", e.ParamName);
        Assert.Contains("relative accuracies must be equal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_Null_ThrowsNamingOther() =>
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => new QuantileSketch().Merge(null!)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.01)]
    [InlineData(1e-7)]
    [InlineData(double.NaN)]
    public void Constructor_RelativeAccuracyOutOfRange_ThrowsNamingIt(double relativeAccuracy) =>
        Assert.Equal("relativeAccuracy", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch(relativeAccuracy)).ParamName);

    [Fact]
    public void Constructor_SmallestRelativeAccuracy_CoversTheWholeDoubleRange()
    {
        var sketch = new QuantileSketch(1e-6);
        sketch.AddRange([double.Epsilon, 2.2250738585072014e-308, 1, double.MaxValue, -double.MaxValue]);
        Assert.Equal(5, sketch.Count);
        Assert.Equal(double.MaxValue, sketch.Quantile(1));
        Assert.Equal(-double.MaxValue, sketch.Quantile(0));
        NumericAssert.Close(1, sketch.Quantile(0.75)!.Value, 1e-6 + 1e-12);
        // Sparse bins: five values far apart take five bins, not the ~7e8 keys between them.
        Assert.Equal(4, sketch.PositiveBins.Count);
        Assert.Single(sketch.NegativeBins);
    }

    [Fact]
    public void AddRange_NaNInBatch_ThrowsNamingIndexAndLeavesSketchUntouched()
    {
        QuantileSketch sketch = Of([1, 2, 3]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sketch.AddRange([4, 5, double.NaN, 6]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("values[2]", e.Message, StringComparison.Ordinal);
        Identical(Of([1, 2, 3]), sketch);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Add_NonFinite_ThrowsNamingValue(double value)
    {
        var sketch = new QuantileSketch();
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(value)).ParamName);
        Assert.Equal(0, sketch.Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1.5)]
    [InlineData(-0.5)]
    public void Quantile_ProbabilityOutsideUnitInterval_ThrowsNamingProbability(double probability) =>
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => Of([1]).Quantile(probability)).ParamName);

    [Property]
    public Property Json_RoundTrip_RestoresTheSameSketch() =>
        Prop.ForAll(
            Arb.From(Generators.Sample(Gen.OneOf(Generators.Value, Generators.Duration), 200)),
            values =>
            {
                QuantileSketch sketch = Of(values);
                return Identical(sketch, NumericAssert.RoundTrip(sketch, NumericAssert.ReflectionJson))
                    && Identical(sketch, NumericAssert.RoundTrip(sketch, NumericAssert.WebJson));
            });

    [Fact]
    public void Json_WebDefaults_WritesBinsAsObjectsFromKeyToCount()
    {
        var sketch = new QuantileSketch(0.01);
        sketch.AddRange([1, 1, -1, 0]);
        Assert.Equal(
            """{"relativeAccuracy":0.01,"count":4,"zeroCount":1,"min":-1,"max":1,"positiveBins":{"0":2},"negativeBins":{"0":1}}""",
            JsonSerializer.Serialize(sketch, NumericAssert.WebJson));
        Assert.Equal(
            """{"relativeAccuracy":0.01,"count":0,"zeroCount":0,"min":null,"max":null,"positiveBins":{},"negativeBins":{}}""",
            JsonSerializer.Serialize(new QuantileSketch(), NumericAssert.WebJson));
    }

    [Fact]
    public void Json_MissingBins_MeanNone()
    {
        QuantileSketch sketch = JsonSerializer.Deserialize<QuantileSketch>("""{"relativeAccuracy":0.05,"count":2,"zeroCount":2,"min":0,"max":0}""", NumericAssert.WebJson)!;
        Assert.Equal(2, sketch.Count);
        Assert.Equal(0.0, sketch.Quantile(0.5));
    }

    public static TheoryData<long, long, double?, double?, Dictionary<int, long>?, Dictionary<int, long>?, string> InconsistentStates() => new()
    {
        { 3, 0, 1.0, 2.0, new() { [0] = 1, [5] = 1 }, null, "count" },
        { 2, -1, 1.0, 2.0, new() { [0] = 3 }, null, "zeroCount" },
        { 1, 0, 1.0, 1.0, new() { [0] = -1, [1] = 2 }, null, "positiveBins" },
        { 1, 0, 1.0, 1.0, new() { [100_000_000] = 1 }, null, "positiveBins" },
        { 1, 0, -1.0, -1.0, null, new() { [-100_000_000] = 1 }, "negativeBins" },
        { 1, 0, null, 1.0, new() { [0] = 1 }, null, "min" },
        { 0, 0, 1.0, 1.0, null, null, "min" },
        { 1, 0, 1.0, null, new() { [0] = 1 }, null, "max" },
        { 2, 0, 3.0, 1.0, new() { [0] = 1, [50] = 1 }, null, "min" },
        { 1, 0, -1.0, 1.0, new() { [0] = 1 }, null, "min" },
        { 1, 0, 1.0, 1.0, null, new() { [0] = 1 }, "min" },
        { 2, 1, 0.0, 0.0, new() { [0] = 1 }, null, "max" },
        { 1, 0, double.NaN, 1.0, new() { [0] = 1 }, null, "min" },
    };

    [Theory]
    [MemberData(nameof(InconsistentStates))]
    public void Constructor_InconsistentState_ThrowsNamingTheParameter(
        long count, long zeroCount, double? min, double? max, Dictionary<int, long>? positive, Dictionary<int, long>? negative, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new QuantileSketch(0.01, count, zeroCount, min, max, positive, negative));
        Assert.Equal(parameter, e.ParamName);
    }

    [Property(MaxTest = 200)]
    public Property Quantile_AnySample_EqualsAReferenceSketchOnASortedDictionary() =>
        Prop.ForAll(
            Arb.From(
                from values in Generators.MixedSample(400)
                from alpha in Gen.Elements(1e-6, 1e-4, 0.01, 0.3)
                select (Values: values, Alpha: alpha)),
            x =>
            {
                // α = 1e-6 and 1e-4 spread the keys over far more than the dense window holds, so the sparse
                // fallback is exercised too.
                var sketch = new QuantileSketch(x.Alpha);
                sketch.AddRange(x.Values);
                var reference = new ReferenceSketch(x.Alpha, x.Values);
                Assert.Equal(reference.Positive.ToArray(), sketch.PositiveBins.ToArray());
                Assert.Equal(reference.Negative.ToArray(), sketch.NegativeBins.ToArray());
                foreach (double p in (double[])[.. Grid, 0.37, 0.63])
                {
                    Assert.Equal(reference.Quantile(p), sketch.Quantile(p));
                }

                return true;
            });

    [Fact]
    public void Merge_DenseAndSparseBins_EqualsOneSketchOfAllValues()
    {
        double[] clustered = [1.5, 2, 2.5, 30, 45, 600, 1_200, -3, -4];
        double[] outliers = [1e-300, 1e300, -1e-250, 5e-324, 1e-200, 1e200];
        var dense = new QuantileSketch(0.01);
        dense.AddRange(clustered);
        var sparse = new QuantileSketch(0.01);
        sparse.AddRange(outliers);
        var both = new QuantileSketch(0.01);
        both.AddRange([.. clustered, .. outliers]);
        dense.Merge(sparse);
        Identical(both, dense);
        sparse.Merge(Of(clustered));
        Identical(both, sparse);
    }

    [Fact]
    public void Json_DenseAndSparseBins_RoundTripsInKeyOrder()
    {
        QuantileSketch sketch = Of([1e-300, 1, 2, 2, 3, 1e300, -1e-200, -5, -5.5, 0]);
        QuantileSketch web = NumericAssert.RoundTrip(sketch, NumericAssert.WebJson);
        Identical(sketch, web);
        Identical(sketch, NumericAssert.RoundTrip(sketch, NumericAssert.ReflectionJson));
        Assert.Equal(JsonSerializer.Serialize(sketch, NumericAssert.WebJson), JsonSerializer.Serialize(web, NumericAssert.WebJson));
        int[] keys = [.. sketch.PositiveBins.Keys];
        Assert.Equal([-34537, 0, 35, 55, 34538], keys); // ⌈ln x / ln(1.01/0.99)⌉, computed in Python
        Assert.Equal(keys.Order(), keys);
    }

    private static QuantileSketch Of(ReadOnlySpan<double> values)
    {
        var sketch = new QuantileSketch(0.01);
        sketch.AddRange(values);
        return sketch;
    }

    // |q − x₍ᵣ₎| ≤ α·|x₍ᵣ₎| with r = ⌊p(n − 1)⌋, plus 1e-12 relative for the rounding of the logarithm at bin edges.
    private static bool WithinBound(QuantileSketch sketch, double[] sorted, double p)
    {
        double exact = sorted[(int)Math.Floor(p * (sorted.Length - 1))];
        double estimate = sketch.Quantile(p)!.Value;
        return Math.Abs(estimate - exact) <= (sketch.RelativeAccuracy + 1e-12) * Math.Abs(exact);
    }

    private static bool Identical(QuantileSketch expected, QuantileSketch actual)
    {
        Assert.Equal(expected.RelativeAccuracy, actual.RelativeAccuracy);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ZeroCount, actual.ZeroCount);
        Assert.Equal(expected.Min, actual.Min);
        Assert.Equal(expected.Max, actual.Max);
        Assert.Equal(expected.PositiveBins.ToArray(), actual.PositiveBins.ToArray());
        Assert.Equal(expected.NegativeBins.ToArray(), actual.NegativeBins.ToArray());
        foreach (double p in Grid)
        {
            Assert.Equal(expected.Quantile(p), actual.Quantile(p));
        }

        return true;
    }

    private static double[] Sorted(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted;
    }

    // The mapping and query of QuantileSketch written out over sorted dictionaries, the layout the dense store replaced.
    private sealed class ReferenceSketch
    {
        private readonly double _alpha;
        private readonly double[] _sorted;

        public ReferenceSketch(double alpha, double[] values)
        {
            _alpha = alpha;
            _sorted = Sorted(values);
            double inverseLogGamma = 1 / (2 * Math.Atanh(alpha));
            foreach (double v in values)
            {
                if (v != 0)
                {
                    SortedDictionary<int, long> side = v > 0 ? Positive : Negative;
                    int key = (int)Math.Ceiling(Math.Log(Math.Abs(v)) * inverseLogGamma);
                    side[key] = side.GetValueOrDefault(key) + 1;
                }
            }
        }

        public SortedDictionary<int, long> Positive { get; } = [];

        public SortedDictionary<int, long> Negative { get; } = [];

        public double Quantile(double p)
        {
            long n = _sorted.Length;
            long rank = (long)Math.Floor(p * (n - 1));
            if (rank <= 0 || rank >= n - 1)
            {
                return rank <= 0 ? _sorted[0] : _sorted[^1];
            }

            long negatives = Negative.Values.Sum();
            long zeros = _sorted.LongCount(v => v == 0);
            double estimate = rank < negatives ? -Representative(KeyAt(Negative.Reverse(), rank))
                : rank < negatives + zeros ? 0
                : Representative(KeyAt(Positive, rank - negatives - zeros));
            return Math.Clamp(estimate, _sorted[0], _sorted[^1]);
        }

        private static int KeyAt(IEnumerable<KeyValuePair<int, long>> bins, long rank)
        {
            long cumulative = 0;
            foreach (KeyValuePair<int, long> bin in bins)
            {
                cumulative += bin.Value;
                if (cumulative > rank)
                {
                    return bin.Key;
                }
            }

            throw new InvalidOperationException("rank beyond the bins");
        }

        private double Representative(int key) => Math.Exp((key * 2 * Math.Atanh(_alpha)) + Math.Log(1 - _alpha));
    }
}

using System.Text.Json;
using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Interval = Engagement.Metrics.Statistics.Interval;

namespace Engagement.Metrics.Tests.Statistics;

public class MeanVarianceAccumulatorTests
{
    // The textbook example 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − x̄)² = 32, population SD 2, sample variance 32/7.
    private static readonly double[] Textbook = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void AddRange_TextbookExample_GivesMeanFiveAndSumOfSquares32()
    {
        var acc = new MeanVarianceAccumulator();
        acc.AddRange(Textbook);
        Assert.Equal(8, acc.Count);
        Assert.Equal(5.0, acc.Mean);
        NumericAssert.Close(32, acc.SumOfSquaredDeviations, 1e-15);

        MeanEstimate r = acc.ToResult();
        NumericAssert.Close(32.0 / 7, r.Variance!.Value, 1e-15);
        NumericAssert.Close(Math.Sqrt(32.0 / 7), r.StandardDeviation!.Value, 1e-15);
        NumericAssert.Close(Math.Sqrt(32.0 / 7 / 8), r.StandardError!.Value, 1e-15);

        // 5 ± t(0.975; 7)·SE, t(0.975; 7) = 2.3646242515927853 (NIST e-Handbook §1.3.6.7.2 prints 2.365).
        Interval ci = r.ConfidenceInterval(0.95)!.Value;
        NumericAssert.Close(5 - (2.3646242515927853 * Math.Sqrt(32.0 / 56)), ci.Lower, 1e-13);
        NumericAssert.Close(5 + (2.3646242515927853 * Math.Sqrt(32.0 / 56)), ci.Upper, 1e-13);
    }

    [Fact]
    public void Add_OneByOne_MatchesAddRange()
    {
        var one = new MeanVarianceAccumulator();
        foreach (double x in Textbook)
        {
            one.Add(x);
        }

        Assert.Equal(8, one.Count);
        NumericAssert.Close(5, one.Mean, 1e-15);
        NumericAssert.Close(32, one.SumOfSquaredDeviations, 1e-14);
    }

    [Fact]
    public void AddRange_LargeOffset_AvoidsCatastrophicCancellation()
    {
        // 1e9 + {4, 7, 13, 16}: variance 30. The naive Σx² − (Σx)²/n formula loses every digit here.
        double[] values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
        var batch = new MeanVarianceAccumulator();
        batch.AddRange(values);
        var streamed = new MeanVarianceAccumulator();
        foreach (double x in values)
        {
            streamed.Add(x);
        }

        NumericAssert.Close(30, batch.ToResult().Variance!.Value, 1e-9);
        NumericAssert.Close(30, streamed.ToResult().Variance!.Value, 1e-9);
        Assert.Equal(1e9 + 10, batch.Mean);
    }

    [Fact]
    public void AddRange_SumOverflows_FallsBackToWelford()
    {
        var acc = new MeanVarianceAccumulator();
        acc.AddRange([1e308, 1e308, 1e308]);
        Assert.Equal(3, acc.Count);
        Assert.Equal(1e308, acc.Mean);
        Assert.Equal(0.0, acc.SumOfSquaredDeviations);
    }

    [Fact]
    public void ToResult_Empty_HasNoValues()
    {
        MeanEstimate r = new MeanVarianceAccumulator().ToResult();
        Assert.Equal(0, r.Count);
        Assert.Null(r.Mean);
        Assert.Null(r.Variance);
        Assert.Null(r.StandardDeviation);
        Assert.Null(r.StandardError);
        Assert.Null(r.ConfidenceInterval(0.95));
        Assert.Equal(default, r);
    }

    [Fact]
    public void ToResult_OneValue_HasMeanButNoSpread()
    {
        var acc = new MeanVarianceAccumulator();
        acc.Add(-3.5);
        MeanEstimate r = acc.ToResult();
        Assert.Equal(1, r.Count);
        Assert.Equal(-3.5, r.Mean);
        Assert.Null(r.Variance);
        Assert.Null(r.StandardError);
        Assert.Null(r.ConfidenceInterval(0.95));
    }

    [Property]
    public Property Merge_OfSplit_EqualsWhole() =>
        Prop.ForAll(
            Arb.From(Generators.SplitSample(Gen.OneOf(Generators.Value, Generators.TiedValue), 300)),
            x =>
            {
                var whole = new MeanVarianceAccumulator();
                whole.AddRange(x.Values);
                var left = new MeanVarianceAccumulator();
                left.AddRange(x.Values.AsSpan(0, x.Split));
                var right = new MeanVarianceAccumulator();
                right.AddRange(x.Values.AsSpan(x.Split));
                left.Merge(right);
                return SameState(whole, left, x.Values);
            });

    [Property]
    public Property Merge_IsCommutativeAndAssociative() =>
        Prop.ForAll(
            Arb.From(
                from a in Generators.Sample(Generators.Value, 100)
                from b in Generators.Sample(Generators.Value, 100)
                from c in Generators.Sample(Generators.Value, 100)
                select (A: a, B: b, C: c)),
            x =>
            {
                double[] all = [.. x.A, .. x.B, .. x.C];

                // (a + b) + c
                MeanVarianceAccumulator ab = Of(x.A);
                ab.Merge(Of(x.B));
                ab.Merge(Of(x.C));

                // a + (c + b)
                MeanVarianceAccumulator cb = Of(x.C);
                cb.Merge(Of(x.B));
                MeanVarianceAccumulator a = Of(x.A);
                a.Merge(cb);

                // (c + b) + a
                MeanVarianceAccumulator cba = Of(x.C);
                cba.Merge(Of(x.B));
                cba.Merge(Of(x.A));

                return SameState(ab, a, all) && SameState(ab, cba, all);
            });

    [Property]
    public Property AddOneByOne_EqualsAddRange() =>
        Prop.ForAll(
            Arb.From(Generators.Sample(Gen.OneOf(Generators.Value, Generators.TiedValue), 200)),
            values =>
            {
                var streamed = new MeanVarianceAccumulator();
                foreach (double v in values)
                {
                    streamed.Add(v);
                }

                return SameState(Of(values), streamed, values);
            });

    [Fact]
    public void AddRange_EveryLengthUpTo70_MatchesTwoPassOracle()
    {
        // Covers the vector body and every remainder length.
        var random = new Random(20261124);
        for (int n = 0; n <= 70; n++)
        {
            double[] values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = (random.NextDouble() * 200) - 50;
            }

            MeanVarianceAccumulator acc = Of(values);
            Assert.Equal(n, acc.Count);
            if (n == 0)
            {
                continue;
            }

            double mean = 0;
            foreach (double v in values)
            {
                mean += v;
            }

            mean /= n;
            double m2 = 0;
            foreach (double v in values)
            {
                m2 += (v - mean) * (v - mean);
            }

            NumericAssert.Close(mean, acc.Mean, 1e-12, 1e-12);
            NumericAssert.Close(m2, acc.SumOfSquaredDeviations, 1e-12, 1e-9);
        }
    }

    [Fact]
    public void Merge_WithEmpty_ChangesNothingEitherWay()
    {
        MeanVarianceAccumulator acc = Of(Textbook);
        acc.Merge(new MeanVarianceAccumulator());
        Assert.Equal((8L, 5.0), (acc.Count, acc.Mean));

        var empty = new MeanVarianceAccumulator();
        empty.Merge(acc);
        Assert.Equal((acc.Count, acc.Mean, acc.SumOfSquaredDeviations), (empty.Count, empty.Mean, empty.SumOfSquaredDeviations));
    }

    [Fact]
    public void Merge_Itself_DoublesEveryValue()
    {
        MeanVarianceAccumulator acc = Of(Textbook);
        double m2 = acc.SumOfSquaredDeviations;
        acc.Merge(acc);
        Assert.Equal(16, acc.Count);
        Assert.Equal(5.0, acc.Mean);
        Assert.Equal(2 * m2, acc.SumOfSquaredDeviations);
    }

    [Fact]
    public void AddRange_NaNInBatch_ThrowsNamingIndexAndLeavesStateUntouched()
    {
        MeanVarianceAccumulator acc = Of(Textbook);
        var before = (acc.Count, acc.Mean, acc.SumOfSquaredDeviations);
        double[] batch = [1, 2, 3, double.NaN, 5, 6, 7, 8, 9, 10];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(batch));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("values[3]", e.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, (acc.Count, acc.Mean, acc.SumOfSquaredDeviations));
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(double.NegativeInfinity, 17)]
    [InlineData(double.NaN, 33)]
    public void AddRange_NonFiniteAnywhere_ThrowsNamingThatIndex(double bad, int index)
    {
        double[] batch = new double[40];
        batch[index] = bad;
        var acc = new MeanVarianceAccumulator();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(batch));
        Assert.Contains($"values[{index}]", e.Message, StringComparison.Ordinal);
        Assert.Equal(bad, e.ActualValue);
        Assert.Equal(0, acc.Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Add_NonFinite_ThrowsNamingValue(double value)
    {
        var acc = new MeanVarianceAccumulator();
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(value)).ParamName);
        Assert.Equal(0, acc.Count);
    }

    [Fact]
    public void Merge_Null_ThrowsNamingOther() =>
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => new MeanVarianceAccumulator().Merge(null!)).ParamName);

    [Property]
    public Property Json_RoundTrip_RestoresTheExactState() =>
        Prop.ForAll(
            Arb.From(Generators.Sample(Generators.Value, 100)),
            values =>
            {
                MeanVarianceAccumulator acc = Of(values);
                MeanVarianceAccumulator back = NumericAssert.RoundTrip(acc, NumericAssert.ReflectionJson);
                MeanVarianceAccumulator web = NumericAssert.RoundTrip(acc, NumericAssert.WebJson);
                return Exact(acc, back) && Exact(acc, web);
            });

    [Fact]
    public void Json_WebDefaults_WritesCamelCaseState()
    {
        string json = JsonSerializer.Serialize(Of([1, 2, 3, 4]), NumericAssert.WebJson);
        Assert.Equal("""{"count":4,"mean":2.5,"sumOfSquaredDeviations":5}""", json);
    }

    [Theory]
    [InlineData(-1, 0, 0, "count", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, double.NaN, 1, "mean", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, double.PositiveInfinity, 1, "mean", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, 1, -1, "sumOfSquaredDeviations", typeof(ArgumentOutOfRangeException))]
    [InlineData(3, 1, double.NaN, "sumOfSquaredDeviations", typeof(ArgumentOutOfRangeException))]
    [InlineData(0, 1, 0, "mean", typeof(ArgumentException))]
    [InlineData(0, 0, 2, "sumOfSquaredDeviations", typeof(ArgumentException))]
    [InlineData(1, 7, 2, "sumOfSquaredDeviations", typeof(ArgumentException))]
    public void Constructor_InconsistentState_ThrowsNamingTheParameter(long count, double mean, double m2, string parameter, Type exceptionType)
    {
        var e = Assert.Throws(exceptionType, () => new MeanVarianceAccumulator(count, mean, m2));
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
    }

    [Fact]
    public void Json_InconsistentState_IsRejected() =>
        Assert.Throws<ArgumentException>(() => JsonSerializer.Deserialize<MeanVarianceAccumulator>("""{"count":0,"mean":4,"sumOfSquaredDeviations":0}""", NumericAssert.WebJson));

    private static MeanVarianceAccumulator Of(ReadOnlySpan<double> values)
    {
        var acc = new MeanVarianceAccumulator();
        acc.AddRange(values);
        return acc;
    }

    private static bool Exact(MeanVarianceAccumulator a, MeanVarianceAccumulator b) =>
        a.Count == b.Count && a.Mean.Equals(b.Mean) && a.SumOfSquaredDeviations.Equals(b.SumOfSquaredDeviations);

    // Equal within 1e-9 relative; the absolute floors scale with the data (a mean near 0 or an M₂ that is a sum of
    // round-off when all values are equal has no meaningful relative error).
    private static bool SameState(MeanVarianceAccumulator expected, MeanVarianceAccumulator actual, double[] values)
    {
        double scale = 0;
        foreach (double v in values)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        return expected.Count == actual.Count
            && NumericAssert.IsClose(expected.Mean, actual.Mean, 1e-9, 1e-13 * scale)
            && NumericAssert.IsClose(expected.SumOfSquaredDeviations, actual.SumOfSquaredDeviations, 1e-9, 1e-13 * scale * scale * Math.Max(1, values.Length));
    }
}

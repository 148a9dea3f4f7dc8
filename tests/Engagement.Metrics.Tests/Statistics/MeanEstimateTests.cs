using System.Text.Json;
using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Interval = Engagement.Metrics.Statistics.Interval;

namespace Engagement.Metrics.Tests.Statistics;

public class MeanEstimateTests
{
    [Fact]
    public void Constructor_TwoOrMoreValues_DerivesSpreadAndStandardError()
    {
        var r = new MeanEstimate(25, 10, 16);
        Assert.Equal(4.0, r.StandardDeviation);
        Assert.Equal(0.8, r.StandardError);
    }

    [Fact]
    public void Default_IsTheEmptyEstimate()
    {
        MeanEstimate r = default;
        Assert.Equal(new MeanEstimate(0, null, null), r);
        Assert.Null(r.Mean);
        Assert.Null(r.ConfidenceInterval(0.9));
        Assert.Equal("no value (n = 0)", r.ToString());
    }

    [Fact]
    public void ConfidenceInterval_Level_IsValidatedEvenWithoutAnInterval() =>
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => default(MeanEstimate).ConfidenceInterval(1)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ConfidenceInterval_LevelNotStrictlyBetweenZeroAndOne_ThrowsNamingLevel(double level) =>
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new MeanEstimate(5, 1, 1).ConfidenceInterval(level)).ParamName);

    [Property]
    public Property ConfidenceInterval_ContainsTheMeanAndNarrowsAsCountGrows() =>
        Prop.ForAll(
            Arb.From(
                from mean in Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0)
                from variance in Gen.Choose(0, 1_000_000).Select(i => i / 100.0)
                from n in Gen.Choose(2, 1_000_000)
                from level in Gen.Elements(0.8, 0.9, 0.95, 0.99)
                select (Mean: mean, Variance: variance, N: n, Level: level)),
            x =>
            {
                Interval ci = new MeanEstimate(x.N, x.Mean, x.Variance).ConfidenceInterval(x.Level)!.Value;
                Interval more = new MeanEstimate(x.N + 1, x.Mean, x.Variance).ConfidenceInterval(x.Level)!.Value;
                bool narrows = x.Variance == 0 ? more.Width == 0 && ci.Width == 0 : more.Width < ci.Width;
                return ci.Contains(x.Mean) && narrows && ci.Level == x.Level;
            });

    [Fact]
    public void Equality_SameState_IsEqual()
    {
        var a = new MeanEstimate(3, 1.5, 0.25);
        var b = new MeanEstimate(3, 1.5, 0.25);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != new MeanEstimate(4, 1.5, 0.25));
        Assert.True(a != new MeanEstimate(3, 1.5, 0.5));
        Assert.False(a.Equals((object)3));
    }

    [Fact]
    public void ToString_WithSpread_ShowsMeanStandardErrorAndCount()
    {
        Assert.Equal("10 ± 0.8 (n = 25)", new MeanEstimate(25, 10, 16).ToString());
        Assert.Equal("2.5 (n = 1)", new MeanEstimate(1, 2.5, null).ToString());
    }

    [Theory]
    [InlineData(-1, null, null, "count", typeof(ArgumentOutOfRangeException))]
    [InlineData(0, 1.0, null, "mean", typeof(ArgumentException))]
    [InlineData(2, null, 1.0, "mean", typeof(ArgumentException))]
    [InlineData(1, 1.0, 0.0, "variance", typeof(ArgumentException))]
    [InlineData(2, 1.0, null, "variance", typeof(ArgumentException))]
    [InlineData(2, double.NaN, 1.0, "mean", typeof(ArgumentOutOfRangeException))]
    [InlineData(2, 1.0, -1.0, "variance", typeof(ArgumentOutOfRangeException))]
    [InlineData(2, 1.0, double.PositiveInfinity, "variance", typeof(ArgumentOutOfRangeException))]
    public void Constructor_InconsistentState_ThrowsNamingTheParameter(long count, double? mean, double? variance, string parameter, Type exceptionType)
    {
        var e = Assert.Throws(exceptionType, () => new MeanEstimate(count, mean, variance));
        Assert.Equal(parameter, ((ArgumentException)e).ParamName);
    }

    [Property]
    public Property Json_RoundTrip_IsEqual() =>
        Prop.ForAll(
            Arb.From(Generators.Sample(Generators.Value, 50)),
            values =>
            {
                var acc = new MeanVarianceAccumulator();
                acc.AddRange(values);
                MeanEstimate r = acc.ToResult();
                return NumericAssert.RoundTrip(r, NumericAssert.ReflectionJson) == r && NumericAssert.RoundTrip(r, NumericAssert.WebJson) == r;
            });

    [Fact]
    public void Json_MissingStatistics_AreWrittenAsNull()
    {
        Assert.Equal(
            """{"count":0,"mean":null,"variance":null,"standardDeviation":null,"standardError":null}""",
            JsonSerializer.Serialize(default(MeanEstimate), NumericAssert.WebJson));
        Assert.Equal(
            """{"count":25,"mean":10,"variance":16,"standardDeviation":4,"standardError":0.8}""",
            JsonSerializer.Serialize(new MeanEstimate(25, 10, 16), NumericAssert.WebJson));
    }
}

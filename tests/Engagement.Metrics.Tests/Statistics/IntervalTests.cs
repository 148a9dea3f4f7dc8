using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Tests.Statistics;

public class IntervalTests
{
    [Fact]
    public void Constructor_ValidBounds_ExposesLevelBoundsAndWidth()
    {
        var ci = new Interval(0.95, 1.5, 4);
        Assert.Equal(0.95, ci.Level);
        Assert.Equal(1.5, ci.Lower);
        Assert.Equal(4.0, ci.Upper);
        Assert.Equal(2.5, ci.Width);
    }

    [Fact]
    public void Contains_ClosedInterval_IncludesBothBounds()
    {
        var ci = new Interval(0.9, -1, 1);
        Assert.True(ci.Contains(-1));
        Assert.True(ci.Contains(1));
        Assert.True(ci.Contains(0));
        Assert.False(ci.Contains(1.0000001));
        Assert.False(ci.Contains(double.NaN));
    }

    [Fact]
    public void Scale_Percentage_MultipliesBothBounds()
    {
        Interval scaled = new Interval(0.95, 0.25, 0.5).Scale(100);
        Assert.Equal(new Interval(0.95, 25, 50), scaled);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scale_FactorNotPositiveAndFinite_ThrowsNamingFactor(double factor)
    {
        // Regression: the nested guard used to report "Internal.Guard.Finite(factor)".
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.95, 0, 1).Scale(factor));
        Assert.Equal("factor", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Constructor_LevelNotStrictlyBetweenZeroAndOne_ThrowsNamingLevel(double level) =>
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(level, 0, 1)).ParamName);

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, double.NaN)]
    public void Constructor_BoundsNotOrdered_ThrowsNamingUpper(double lower, double upper) =>
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => new Interval(0.95, lower, upper)).ParamName);

    [Fact]
    public void Equality_SameValues_AreEqualWithSameHash()
    {
        var a = new Interval(0.95, 1, 2);
        var b = new Interval(0.95, 1, 2);
        var c = new Interval(0.9, 1, 2);
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals((object)"x"));
    }

    [Theory]
    [InlineData(0.95, "95% [1, 2]")]
    [InlineData(0.999, "99.9% [1, 2]")]
    [InlineData(0.5, "50% [1, 2]")]
    public void ToString_InvariantCulture_ShowsLevelAsPercentWithoutRounding(double level, string expected)
    {
        // Regression: the "P0" format printed "95 %" (invariant percent pattern) and rounded 0.999 to "100 %".
        Assert.Equal(expected, new Interval(level, 1, 2).ToString());
    }

    [Fact]
    public void Json_RoundTrip_PreservesTheIntervalAndOmitsWidth()
    {
        var ci = new Interval(0.95, 0.123456789012345, 0.9);
        string json = System.Text.Json.JsonSerializer.Serialize(ci, NumericAssert.WebJson);
        Assert.Equal("""{"level":0.95,"lower":0.123456789012345,"upper":0.9}""", json);
        Assert.Equal(ci, NumericAssert.RoundTrip(ci, NumericAssert.WebJson));
        Assert.Equal(ci, NumericAssert.RoundTrip(ci, NumericAssert.ReflectionJson));
    }
}

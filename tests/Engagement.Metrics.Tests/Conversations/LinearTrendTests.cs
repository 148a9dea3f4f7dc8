using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Tests.Conversations;

public class LinearTrendTests
{
    [Fact]
    public void Fit_MatchesAnIndependentComputation()
    {
        // Reference: python3 + mpmath at 50 digits, b = Sxy/Sxx, SE = sqrt(SSE/(n-2)/Sxx), p = I_{df/(df+t^2)}(df/2, 1/2).
        // x = 1..5, y = 2, 4.5, 5.5, 8.25, 9: b = 1.775, a = 0.525, SE = 0.177364972..., p = 0.0021236585...
        LinearTrendResult r = LinearTrend.Fit([1, 2, 3, 4, 5], [2, 4.5, 5.5, 8.25, 9]);
        Assert.Equal(5, r.Count);
        Assert.Equal(1.775, r.Slope!.Value, 12);
        Assert.Equal(0.525, r.Intercept!.Value, 12);
        Assert.Equal(ReferenceSe, r.StandardError!.Value, 10);
        Assert.Equal(ReferenceP, r.PValue!.Value, 9);
        Assert.True(r.IsSignificant(0.05));
    }

    [Fact]
    public void Fit_WithoutEnoughPoints_HasNoValues()
    {
        Assert.Null(LinearTrend.Fit([1], [3]).Slope);
        Assert.Null(LinearTrend.Fit([2, 2], [3, 4]).Slope); // no spread in x
        LinearTrendResult two = LinearTrend.Fit([1, 2], [3, 5]);
        Assert.Equal(2, two.Slope!.Value, 12);
        Assert.Null(two.PValue);
        Assert.Equal(0, LinearTrend.Fit([1, 2, 3], [1, 2, 3]).PValue); // a perfect line
    }

    [Fact]
    public void Fit_RejectsNaN_NamingTheIndex()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1, 2, 3], [1, double.NaN, 3]));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("y[1]", e.Message);
    }

    private const double ReferenceSe = 0.17736497211493968865;
    private const double ReferenceP = 0.0021236584784507100647;
}

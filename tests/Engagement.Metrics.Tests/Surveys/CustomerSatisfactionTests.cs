using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Surveys;

public class CustomerSatisfactionTests
{
    // The worked example of docs/metrics/csat.md: 7 of 10 responses are 4 or 5.
    private static readonly byte[] DocExample = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4];

    [Fact]
    public void Calculate_DocExample_MatchesHandComputation()
    {
        CsatResult r = CustomerSatisfaction.Calculate(DocExample);

        Assert.Equal(10, r.Count);
        Assert.Equal(70, r.Score!.Value, 12);
        Scores.AssertClose(100 * Math.Sqrt(0.7 * 0.3 / 10), r.StandardError, 1e-12);
        Assert.Equal(3.7, r.Mean!.Value, 12);
        Assert.Equal([1.0, 1, 1, 4, 3], r.Distribution.WeightTotals.ToArray());
    }

    [Fact]
    public void ConfidenceInterval_DocExample_IsWilson()
    {
        // Wilson (1927) score interval for 7/10 at 95%: 0.3968–0.8922 (also Newcombe 1998, Statistics in Medicine 17, method 3).
        Interval ci = CustomerSatisfaction.Calculate(DocExample).ConfidenceInterval!.Value;
        Assert.Equal(39.677814746114537, ci.Lower, 1e-7);
        Assert.Equal(89.22087325936989, ci.Upper, 1e-7);
    }

    [Fact]
    public void MeanConfidenceInterval_DocExample_IsStudentT()
    {
        // mean 3.7, s² = 1.78889, SE = 0.422953, t(0.975, 9) = 2.262157.
        Interval ci = CustomerSatisfaction.Calculate(DocExample).MeanConfidenceInterval!.Value;
        Assert.Equal(2.74321478103839, ci.Lower, 1e-6);
        Assert.Equal(4.656785218961611, ci.Upper, 1e-6);
    }

    [Fact]
    public void Calculate_TenPointScaleTop3Box_UsesOptions()
    {
        var options = new CsatOptions { Minimum = 1, Maximum = 10, SatisfiedThreshold = 8 };
        CsatResult r = CustomerSatisfaction.Calculate(new[] { 10, 8, 7, 1 }, options);
        Assert.Equal(50, r.Score!.Value, 12);
        Assert.Equal(10, r.Distribution.WeightTotals.Length);
    }

    [Fact]
    public void Calculate_Empty_HasNoValue()
    {
        CsatResult r = CustomerSatisfaction.Calculate(ReadOnlySpan<int>.Empty);
        Assert.Equal(0, r.Count);
        Assert.Null(r.Score);
        Assert.Null(r.Mean);
        Assert.Null(r.ConfidenceInterval);
        Assert.Null(r.MeanConfidenceInterval);
    }

    [Fact]
    public void Calculate_SingleResponse_HasShareButNoMeanInterval()
    {
        CsatResult r = CustomerSatisfaction.Calculate(new[] { 5 });
        Assert.Equal(100, r.Score);
        Assert.NotNull(r.ConfidenceInterval);
        Assert.Null(r.MeanStandardError);
        Assert.Null(r.MeanConfidenceInterval);
    }

    [Fact]
    public void Calculate_ZeroOnOneToFiveScale_ThrowsNamingIndexAndValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSatisfaction.Calculate(new byte[] { 5, 4, 0 }));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("scores[2] is 0, outside the scale 1..5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ThresholdOffScale_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => CustomerSatisfaction.Calculate(DocExample, new CsatOptions { SatisfiedThreshold = 6 }));
        Assert.Contains("SatisfiedThreshold 6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DifferentShares_ReportsDifferenceInPoints()
    {
        var a = CustomerSatisfaction.Calculate(Enumerable.Repeat(5, 80).Concat(Enumerable.Repeat(1, 20)).ToArray());
        var b = CustomerSatisfaction.Calculate(Enumerable.Repeat(5, 60).Concat(Enumerable.Repeat(1, 40)).ToArray());
        var c = CustomerSatisfaction.Compare(a, b);
        Assert.Equal(20, c.Difference!.Value, 9);
        Assert.Equal(Math.Sqrt((0.8 * 0.2 / 100) + (0.6 * 0.4 / 100)) * 100, c.StandardError!.Value, 9);
    }

    [Property]
    public bool Score_IsAShareAndTheIntervalContainsIt(byte[] raw)
    {
        CsatResult r = CustomerSatisfaction.Calculate(Scores.OnScale(raw, 1, 5));
        return raw.Length == 0
            || (r.Score is >= 0 and <= 100 && r.ConfidenceInterval!.Value.Contains(r.Score.Value));
    }

    [Property]
    public bool MeanInterval_ContainsTheMean(byte[] raw)
    {
        CsatResult r = CustomerSatisfaction.Calculate(Scores.OnScale(raw, 1, 5));
        return raw.Length < 2 || r.MeanConfidenceInterval!.Value.Contains(r.Mean!.Value);
    }

    [Property]
    public bool Distribution_SumsToTheCount(byte[] raw)
    {
        CsatResult r = CustomerSatisfaction.Calculate(Scores.OnScale(raw, 1, 5));
        return r.Distribution.WeightTotals.Sum() == raw.Length;
    }
}

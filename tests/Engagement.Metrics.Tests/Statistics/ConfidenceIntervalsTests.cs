using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Interval = Engagement.Metrics.Statistics.Interval;

namespace Engagement.Metrics.Tests.Statistics;

public class ConfidenceIntervalsTests
{
    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score interval without continuity correction),
    // 95 %, printed to 4 decimals. (mpmath at 40 digits gives 0.25528852–0.36620958 for 81/263.)
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_Newcombe1998TableI_MatchesToFourDecimals(int successes, int trials, double lower, double upper)
    {
        Interval ci = ConfidenceIntervals.Wilson(successes, trials, 0.95);
        Assert.Equal(0.95, ci.Level);
        Assert.Equal(lower, Math.Round(ci.Lower, 4));
        Assert.Equal(upper, Math.Round(ci.Upper, 4));
    }

    [Fact]
    public void Wilson_81Of263_MatchesHighPrecisionValues()
    {
        Interval ci = ConfidenceIntervals.Wilson(81, 263, 0.95);
        NumericAssert.Close(0.25528852, ci.Lower, 0, 5e-9);
        NumericAssert.Close(0.36620958, ci.Upper, 0, 5e-9);
    }

    [Fact]
    public void Wilson_NoOrAllSuccesses_HasExactBoundAtZeroOrOne()
    {
        // Regression: centre − half used to leave 1.4e-17, so the interval for 0/20 did not contain p̂ = 0.
        Assert.Equal(0.0, ConfidenceIntervals.Wilson(0, 20, 0.95).Lower);
        Assert.Equal(1.0, ConfidenceIntervals.Wilson(20, 20, 0.95).Upper);
        Assert.True(ConfidenceIntervals.Wilson(0, 20, 0.95).Contains(0));
        Assert.True(ConfidenceIntervals.Wilson(20, 20, 0.95).Contains(1));
    }

    [Property]
    public Property Wilson_ContainsTheEstimateAndStaysInUnitInterval() =>
        Prop.ForAll(
            Arb.From(Proportions),
            x =>
            {
                Interval ci = ConfidenceIntervals.Wilson(x.Successes, x.Trials, x.Level);
                double estimate = (double)x.Successes / x.Trials;
                return ci.Lower >= 0 && ci.Upper <= 1 && ci.Contains(estimate);
            });

    [Property]
    public Property Wilson_NarrowsAsTrialsGrowAtTheSameShare() =>
        Prop.ForAll(
            Arb.From(Proportions.SelectMany(x => Gen.Choose(2, 100).Select(k => (x.Successes, x.Trials, x.Level, Factor: k)))),
            x =>
            {
                double width = ConfidenceIntervals.Wilson(x.Successes, x.Trials, x.Level).Width;
                double widthMore = ConfidenceIntervals.Wilson((double)x.Successes * x.Factor, (double)x.Trials * x.Factor, x.Level).Width;
                return widthMore < width;
            });

    [Property]
    public Property Wilson_WidensWithTheLevel() =>
        Prop.ForAll(
            Arb.From(Proportions),
            x => ConfidenceIntervals.Wilson(x.Successes, x.Trials, 0.8).Width < ConfidenceIntervals.Wilson(x.Successes, x.Trials, 0.99).Width);

    [Property]
    public Property Wilson_IsSymmetricInSuccessesAndFailures() =>
        Prop.ForAll(
            Arb.From(Proportions),
            x =>
            {
                Interval ci = ConfidenceIntervals.Wilson(x.Successes, x.Trials, x.Level);
                Interval mirror = ConfidenceIntervals.Wilson(x.Trials - x.Successes, x.Trials, x.Level);
                return NumericAssert.IsClose(1 - mirror.Upper, ci.Lower, 0, 1e-12) && NumericAssert.IsClose(1 - mirror.Lower, ci.Upper, 0, 1e-12);
            });

    [Fact]
    public void Normal_WorkedExample_IsEstimatePlusMinusZTimesStandardError()
    {
        Interval ci = ConfidenceIntervals.Normal(10, 2, 0.95);
        NumericAssert.Close(10 - (1.9599639845400542 * 2), ci.Lower, 1e-14);
        NumericAssert.Close(10 + (1.9599639845400542 * 2), ci.Upper, 1e-14);
    }

    [Fact]
    public void StudentT_WorkedExample_UsesTheTCriticalValue()
    {
        // 5 ± t(0.975; 7) · 0.5 with t(0.975; 7) = 2.3646242515927853 (NIST e-Handbook §1.3.6.7.2: 2.365).
        Interval ci = ConfidenceIntervals.StudentT(5, 0.5, 7, 0.95);
        NumericAssert.Close(5 - (2.3646242515927853 * 0.5), ci.Lower, 1e-13);
        NumericAssert.Close(5 + (2.3646242515927853 * 0.5), ci.Upper, 1e-13);
    }

    [Property]
    public Property StudentT_ContainsTheEstimateAndNarrowsAsSampleGrows() =>
        Prop.ForAll(
            Arb.From(
                from estimate in Gen.Choose(-100_000, 100_000).Select(i => i / 100.0)
                from sd in Gen.Choose(1, 100_000).Select(i => i / 100.0)
                from n in Gen.Choose(2, 100_000)
                select (Estimate: estimate, Sd: sd, N: n)),
            x =>
            {
                Interval ci = ConfidenceIntervals.StudentT(x.Estimate, x.Sd / Math.Sqrt(x.N), x.N - 1, 0.95);
                Interval bigger = ConfidenceIntervals.StudentT(x.Estimate, x.Sd / Math.Sqrt(x.N + 1), x.N, 0.95);
                Interval normal = ConfidenceIntervals.Normal(x.Estimate, x.Sd / Math.Sqrt(x.N), 0.95);
                return ci.Contains(x.Estimate) && bigger.Width < ci.Width && normal.Width < ci.Width;
            });

    [Fact]
    public void Normal_ZeroStandardError_IsThePoint()
    {
        Interval ci = ConfidenceIntervals.Normal(3, 0, 0.9);
        Assert.Equal(3.0, ci.Lower);
        Assert.Equal(3.0, ci.Upper);
    }

    [Theory]
    [InlineData(double.NaN, 10, 0.95, "successes")]
    [InlineData(-1, 10, 0.95, "successes")]
    [InlineData(11, 10, 0.95, "successes")]
    [InlineData(double.PositiveInfinity, 10, 0.95, "successes")]
    [InlineData(5, 0, 0.95, "trials")]
    [InlineData(5, -3, 0.95, "trials")]
    [InlineData(5, double.NaN, 0.95, "trials")]
    [InlineData(5, double.PositiveInfinity, 0.95, "trials")]
    [InlineData(5, 10, 0.0, "level")]
    [InlineData(5, 10, 1.0, "level")]
    [InlineData(5, 10, double.NaN, "level")]
    public void Wilson_BadInput_ThrowsNamingTheParameter(double successes, double trials, double level, string parameter)
    {
        // "trials" is a regression: the nested guard used to report "Guard.Finite(trials)".
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(successes, trials, level));
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 1, 0.95, "estimate")]
    [InlineData(double.PositiveInfinity, 1, 0.95, "estimate")]
    [InlineData(1, -0.1, 0.95, "standardError")]
    [InlineData(1, double.NaN, 0.95, "standardError")]
    [InlineData(1, double.PositiveInfinity, 0.95, "standardError")]
    [InlineData(1, 1, 0.0, "level")]
    [InlineData(1, 1, 1.0, "level")]
    public void Normal_BadInput_ThrowsNamingTheParameter(double estimate, double standardError, double level, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Normal(estimate, standardError, level));
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, 1, 5, 0.95, "estimate")]
    [InlineData(1, -1, 5, 0.95, "standardError")]
    [InlineData(1, 1, 0, 0.95, "degreesOfFreedom")]
    [InlineData(1, 1, double.NaN, 0.95, "degreesOfFreedom")]
    [InlineData(1, 1, 5, 0.0, "level")]
    [InlineData(1, 1, 5, 1.0, "level")]
    public void StudentT_BadInput_ThrowsNamingTheParameter(double estimate, double standardError, double degreesOfFreedom, double level, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.StudentT(estimate, standardError, degreesOfFreedom, level));
        Assert.Equal(parameter, e.ParamName);
    }

    // Small and large samples, with the edge shares 0 and 1 drawn often.
    private static Gen<(int Successes, int Trials, double Level)> Proportions =>
        from trials in Gen.OneOf(Gen.Choose(1, 30), Gen.Choose(1, 100_000))
        from successes in Gen.Frequency((3, Gen.Choose(0, trials)), (1, Gen.Elements(0, trials)))
        from level in Gen.Elements(0.5, 0.8, 0.9, 0.95, 0.99, 0.999)
        select (successes, trials, level);
}

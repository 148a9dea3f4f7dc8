using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

public class StandardNormalTests
{
    // Φ(x) for x ≥ −3: Abramowitz & Stegun (1964), Handbook of Mathematical Functions, Table 26.1 (P(x) to 15 decimals).
    // The far-tail values (x ≤ −4.2) were computed at 40 significant digits with mpmath 1.3 (ncdf); they are relative
    // checks, which is what matters for p-values.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.84134474606854295)]
    [InlineData(1.96, 0.97500210485177956)]
    [InlineData(2.0, 0.97724986805182079)]
    [InlineData(3.0, 0.99865010196836991)]
    [InlineData(5.0, 0.99999971334842812)]
    [InlineData(-1.0, 0.15865525393145705)]
    [InlineData(-3.0, 0.0013498980316300945)]
    [InlineData(-4.2, 1.3345749015906338e-5)]
    [InlineData(-5.0, 2.8665157187919391e-7)]
    public void Cdf_ReferenceValue_MatchesTableToRelative1e14(double x, double expected) =>
        NumericAssert.Close(expected, StandardNormal.Cdf(x), 1e-14);

    // Far tail: the rounding of x/√2 alone moves Φ by about 2x²·1e-16 relative, so the tolerance grows with x².
    [Theory]
    [InlineData(-10.0, 7.6198530241605261e-24)]
    [InlineData(-20.0, 2.7536241186062337e-89)]
    [InlineData(-37.0, 5.7255712225245768e-300)]
    public void Cdf_FarTailReferenceValue_MatchesWithinItsConditioning(double x, double expected) =>
        NumericAssert.Close(expected, StandardNormal.Cdf(x), 5e-15 + (3e-16 * x * x));

    [Fact]
    public void Cdf_Infinities_AreZeroAndOne()
    {
        Assert.Equal(0.0, StandardNormal.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, StandardNormal.Cdf(double.PositiveInfinity));
    }

    // Quantiles: 0.975 → 1.959963985 (the value every table prints, e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1);
    // more digits and the tails from mpmath 1.3 at 40 digits.
    [Theory]
    [InlineData(0.975, 1.9599639845400542)]
    [InlineData(0.995, 2.5758293035489008)]
    [InlineData(0.95, 1.6448536269514727)]
    [InlineData(0.9, 1.2815515655446005)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.001, -3.0902323061678135)]
    [InlineData(1e-5, -4.2648907939228246)]
    [InlineData(1e-10, -6.3613409024040562)]
    [InlineData(1e-20, -9.2623400897984076)]
    [InlineData(1e-300, -37.047096299361199)]
    public void Quantile_ReferenceValue_MatchesToRelative1e13(double p, double expected) =>
        NumericAssert.Close(expected, StandardNormal.Quantile(p), 1e-13, 1e-15);

    [Fact]
    public void Quantile_975_Is1959963985ToNineDecimals() =>
        Assert.Equal(1.959963985, StandardNormal.Quantile(0.975), 9);

    [Fact]
    public void Quantile_UpperTail_KeepsPrecision()
    {
        // The double nearest 1 − 1e-10 has upper tail 1.00000008274037e-10 exactly; its quantile (mpmath, 50 digits) is
        // 6.3613408896974218642. Solving on Φ near 1 used to be 3e-9 off (regression for the upper-tail fix).
        NumericAssert.Close(6.3613408896974218642, StandardNormal.Quantile(0.9999999999), 1e-14);
    }

    [Fact]
    public void Quantile_ZeroAndOne_AreInfinite()
    {
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1));
    }

    [Fact]
    public void TwoSidedCriticalValue_95_Is1959964() =>
        NumericAssert.Close(1.9599639845400542, StandardNormal.TwoSidedCriticalValue(0.95), 1e-14);

    [Fact]
    public void Density_AtZero_IsOneOverRootTwoPi() =>
        NumericAssert.Close(0.39894228040143268, StandardNormal.Density(0), 1e-15);

    [Property]
    public Property Quantile_OfCdf_ReturnsThePointInTheLowerTail() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(-37_000, 0).Select(i => i / 1000.0)),
            x => NumericAssert.IsClose(x, StandardNormal.Quantile(StandardNormal.Cdf(x)), 1e-13, 1e-13));

    [Property]
    public Property Cdf_OfQuantile_ReturnsTheProbabilityWithinConditioning() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(1, 1_000_000).SelectMany(m => Gen.Choose(-300, -1).Select(e => Math.Min(0.5, m * Math.Pow(10, e))))),
            p =>
            {
                // Φ's condition number is about x², and one ulp of x is 2.2e-16·|x| relative, so an answer within
                // ulps of the true quantile moves Φ by k·2.2e-16·x² relative. k = 3 allows the Halley-refined
                // quantile its last-bit error (seen: 1.68e-13 at p = 7.5e-114, x = −22.65, above a 1.36-ulp bound).
                double x = StandardNormal.Quantile(p);
                return NumericAssert.IsClose(p, StandardNormal.Cdf(x), 5e-15 + (3 * 2.2e-16 * x * x));
            });

    [Property]
    public Property Quantile_IsAntisymmetric() =>
        Prop.ForAll(
            Arb.From(Generators.Probability.Where(p => p > 0 && p < 1)),
            p => StandardNormal.Quantile(p) == -StandardNormal.Quantile(1 - p) || NumericAssert.IsClose(-StandardNormal.Quantile(1 - p), StandardNormal.Quantile(p), 1e-12, 1e-15));

    [Property]
    public Property Cdf_IsSymmetric() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(-8_000, 8_000).Select(i => i / 1000.0)),
            x => Math.Abs(StandardNormal.Cdf(x) + StandardNormal.Cdf(-x) - 1) <= 2e-16);

    [Property]
    public Property Density_IsTheDerivativeOfCdf() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(-6_000, 6_000).Select(i => i / 1000.0)),
            x =>
            {
                const double H = 1e-5;
                double slope = (StandardNormal.Cdf(x + H) - StandardNormal.Cdf(x - H)) / (2 * H);
                return NumericAssert.IsClose(StandardNormal.Density(x), slope, 1e-6, 1e-11);
            });

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.PositiveInfinity)]
    public void Quantile_ProbabilityOutsideUnitInterval_ThrowsNamingP(double p)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(p));
        Assert.Equal("p", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    public void TwoSidedCriticalValue_LevelNotStrictlyBetweenZeroAndOne_ThrowsNamingLevel(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.TwoSidedCriticalValue(level));
        Assert.Equal("level", e.ParamName);
    }
}

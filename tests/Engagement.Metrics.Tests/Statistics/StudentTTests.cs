using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

public class StudentTTests
{
    // Upper critical values of Student's t. Source: NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2
    // "Critical values of the Student's t distribution" (3 decimals; also Abramowitz & Stegun Table 26.10), e.g.
    // 12.706, 4.303, 3.182, 2.571, 2.228, 2.042, 1.984 at 0.975 and 63.657, 9.925, 5.841, 4.032, 3.169, 2.750,
    // 2.626 at 0.995. The full-precision values (which round to those) are R's qt() / mpmath at 40 digits; ν = 1
    // and 2 also have closed forms (tan(π(p − ½)) and (2p − 1)/√(2p(1 − p))).
    [Theory]
    [InlineData(0.975, 1, 12.7062047361747, 12.706)]
    [InlineData(0.975, 2, 4.302652729749464, 4.303)]
    [InlineData(0.975, 3, 3.18244630528371, 3.182)]
    [InlineData(0.975, 5, 2.570581835636316, 2.571)]
    [InlineData(0.975, 10, 2.228138851986275, 2.228)]
    [InlineData(0.975, 30, 2.042272456301238, 2.042)]
    [InlineData(0.975, 100, 1.983971518523552, 1.984)]
    [InlineData(0.995, 1, 63.65674116287158, 63.657)]
    [InlineData(0.995, 2, 9.924843200918293, 9.925)]
    [InlineData(0.995, 3, 5.840909309733357, 5.841)]
    [InlineData(0.995, 5, 4.032142983555228, 4.032)]
    [InlineData(0.995, 10, 3.169272672616951, 3.169)]
    [InlineData(0.995, 30, 2.749995653567225, 2.750)]
    [InlineData(0.995, 100, 2.625890521438018, 2.626)]
    public void Quantile_PublishedCriticalValue_MatchesTo1e6(double p, double degreesOfFreedom, double precise, double table)
    {
        double t = StudentT.Quantile(p, degreesOfFreedom);
        Assert.Equal(table, Math.Round(t, 3));
        NumericAssert.Close(precise, t, 0, 1e-6);
        NumericAssert.Close(precise, t, 1e-12);
        Assert.Equal(-t, StudentT.Quantile(1 - p, degreesOfFreedom), 12);
    }

    // Large and fractional ν, and a far tail: mpmath 1.3 at 40 digits (bisection on the regularised incomplete beta).
    // The large-ν rows are regressions: ln Γ cancellation once gave 1.96 → 1.75 at ν = 1e15 and 1.7e-7 error at 1e9.
    [Theory]
    [InlineData(0.975, 0.5, 164.55767348048853)]
    [InlineData(0.975, 1e3, 1.962339080826408485)]
    [InlineData(0.975, 1e4, 1.9602012398906262578)]
    [InlineData(0.975, 1e5, 1.9599877075346096386)]
    [InlineData(0.975, 1e6, 1.9599663568141070353)]
    [InlineData(0.975, 1e7, 1.9599642217672054904)]
    [InlineData(0.975, 1e8, 1.9599640082627668208)]
    [InlineData(0.975, 1e9, 1.9599639869123254686)]
    [InlineData(1e-7, 1e6, -5.1993740208165766115)]
    [InlineData(1e-7, 0.5, -10284911563163.400118)]
    [InlineData(1e-12, 5, -393.95695957760376867)]
    [InlineData(1e-12, 1, -318309886183.79067154)]
    public void Quantile_HighPrecisionReference_MatchesToRelative1e12(double p, double degreesOfFreedom, double expected) =>
        NumericAssert.Close(expected, StudentT.Quantile(p, degreesOfFreedom), 1e-12);

    [Fact]
    public void Quantile_HugeDegreesOfFreedom_IsTheNormalQuantile() =>
        NumericAssert.Close(StandardNormal.Quantile(0.975), StudentT.Quantile(0.975, 1e15), 1e-14);

    [Fact]
    public void Quantile_InfiniteDegreesOfFreedom_IsTheNormalQuantile() =>
        Assert.Equal(StandardNormal.Quantile(0.9), StudentT.Quantile(0.9, double.PositiveInfinity));

    [Fact]
    public void TwoSidedCriticalValue_95With10Df_Is2228139() =>
        NumericAssert.Close(2.228138851986275, StudentT.TwoSidedCriticalValue(0.95, 10), 1e-12);

    [Fact]
    public void Quantile_Extremes_AreInfiniteAndMedianIsZero()
    {
        Assert.Equal(double.NegativeInfinity, StudentT.Quantile(0, 3));
        Assert.Equal(double.PositiveInfinity, StudentT.Quantile(1, 3));
        Assert.Equal(0.0, StudentT.Quantile(0.5, 3));
    }

    [Property]
    public Property Cdf_OneDegreeOfFreedom_IsCauchy() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(-100_000, 100_000).Select(i => i / 100.0)),
            t => NumericAssert.IsClose(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 1e-13, 1e-15));

    [Property]
    public Property Cdf_OfQuantile_ReturnsTheProbability() =>
        Prop.ForAll(
            Arb.From(DegreesOfFreedom.SelectMany(nu => Gen.Choose(1, 999_999).Select(i => (Nu: nu, P: i / 1e6)))),
            x =>
            {
                double t = StudentT.Quantile(x.P, x.Nu);
                double tail = x.P < 0.5 ? StudentT.Cdf(t, x.Nu) : 1 - StudentT.Cdf(t, x.Nu);
                double expected = x.P < 0.5 ? x.P : 1 - x.P;
                return NumericAssert.IsClose(expected, tail, 1e-9);
            });

    [Property]
    public Property Cdf_IsSymmetric() =>
        Prop.ForAll(
            Arb.From(DegreesOfFreedom.SelectMany(nu => Gen.Choose(0, 50_000).Select(i => (Nu: nu, T: i / 1000.0)))),
            x => Math.Abs(StudentT.Cdf(x.T, x.Nu) + StudentT.Cdf(-x.T, x.Nu) - 1) <= 1e-14);

    [Property]
    public Property Quantile_ApproachesTheNormalQuantileAsDegreesOfFreedomGrow() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(500_001, 999_999).SelectMany(i => Gen.Choose(0, 1500).Select(e => (P: i / 1e6, Exponent: e / 100.0)))),
            x =>
            {
                double z = StandardNormal.Quantile(x.P);
                double nu = Math.Pow(10, x.Exponent);
                double t = StudentT.Quantile(x.P, nu);
                double tMore = StudentT.Quantile(x.P, nu * 10);
                double tTooMany = StudentT.Quantile(x.P, 1e12);

                // t > z for p > ½, falls towards z as ν grows, and is within the first Cornish–Fisher term of z.
                return t >= z * (1 - 1e-15)
                    && tMore <= t * (1 + 1e-13)
                    && tMore - z <= (t - z) + 1e-13
                    && Math.Abs(tTooMany - z) <= 1e-9;
            });

    [Property]
    public Property Density_IsTheDerivativeOfCdf() =>
        Prop.ForAll(
            Arb.From(DegreesOfFreedom.SelectMany(nu => Gen.Choose(-5_000, 5_000).Select(i => (Nu: nu, T: i / 1000.0)))),
            x =>
            {
                const double H = 1e-5;
                double slope = (StudentT.Cdf(x.T + H, x.Nu) - StudentT.Cdf(x.T - H, x.Nu)) / (2 * H);
                return NumericAssert.IsClose(StudentT.Density(x.T, x.Nu), slope, 1e-5, 1e-10);
            });

    [Fact]
    public void Density_HugeDegreesOfFreedom_IsTheNormalDensity()
    {
        NumericAssert.Close(StandardNormal.Density(0), StudentT.Density(0, 1e15), 1e-14);
        NumericAssert.Close(StandardNormal.Density(2), StudentT.Density(2, 1e15), 1e-13);
        Assert.Equal(1 / Math.PI, StudentT.Density(0, 1), 15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Quantile_DegreesOfFreedomNotPositive_ThrowsNamingDegreesOfFreedom(double degreesOfFreedom)
    {
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.9, degreesOfFreedom)).ParamName);
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Cdf(1, degreesOfFreedom)).ParamName);
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Density(1, degreesOfFreedom)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Quantile_ProbabilityOutsideUnitInterval_ThrowsNamingP(double p) =>
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, 5)).ParamName);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TwoSidedCriticalValue_LevelNotStrictlyBetweenZeroAndOne_ThrowsNamingLevel(double level) =>
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.TwoSidedCriticalValue(level, 5)).ParamName);

    [Fact]
    public void Cdf_NaN_IsNaN() => Assert.True(double.IsNaN(StudentT.Cdf(double.NaN, 4)));

    // ν from 0.5 to 1e12 on a log scale, plus the small integers most tables list.
    private static Gen<double> DegreesOfFreedom =>
        Gen.OneOf(
            Gen.Choose(1, 30).Select(i => (double)i),
            Gen.Choose(-30, 1200).Select(e => Math.Pow(10, e / 100.0)));
}

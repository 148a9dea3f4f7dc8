using Engagement.Metrics.Statistics;
using FsCheck;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics;

public sealed class HypergeometricTests
{
    // Reference values: mpmath 1.3, mp.dps = 50:
    //   python3 -c "import mpmath as mp; mp.mp.dps=50; print(mp.nstr(mp.hyp2f1(a, b, c, z), 17))"
    // The cases cover each branch: the Maclaurin series (z <= 0.75), Pfaff (z < 0), the 1 - z connection formula
    // (z > 0.75), and the interpolation across integer c - a - b (documented accuracy 1e-10 there).
    // ₂F₁(1, b; c; z), the sBG discounted-lifetime case, against the same mpmath call with a = 1 (mp.dps = 30).
    [Theory]
    [InlineData(1.182, 1.886, 1 / 1.1, 3.6951474055745736009)]
    [InlineData(3.806, 4.474, 0.5, 1.7668794966618963129)]
    [InlineData(2.5, 9.0, 0.99, 1.4465440488857731761)]
    public void UnitNumerator_matches_mpmath(double b, double c, double z, double expected) =>
        NumericAssert.Close(expected, Hypergeometric.UnitNumerator(b, c, z), 1e-14);

    [Theory]
    [InlineData(1.5, 2.5, 3.5, 0.3, 1.4527676379576941, 1e-14)]
    [InlineData(3.159, 1.606, 4.159, 0.05, 1.064365563009895, 1e-14)]
    [InlineData(27.159, 27.553, 28.159, 0.5, 99547603.051679296, 1e-13)]
    [InlineData(1.159, 1.606, 2.159, 0.9, 6.1221504206050076, 1e-12)]
    [InlineData(1.159, 1.606, 2.159, 0.99, 29.08143472708431, 1e-12)]
    [InlineData(1.159, 1.606, 2.159, 0.999999, 8269.5244503102446, 1e-12)]
    [InlineData(2.0, 1.0, 3.0, 0.8, 2.5294934763565639, 1e-10)]
    [InlineData(0.5, 0.5, 1.0, 0.9, 1.6412644143423708, 1e-10)]
    [InlineData(1.5, 2.5, 3.5, -0.6, 0.59542953607192576, 1e-14)]
    [InlineData(1.5, 2.5, 3.5, -5, 0.11938423174058273, 1e-10)] // Pfaff then c − a − b = 1
    [InlineData(3, -2, 1.5, 0.9, -0.0079999999999999609, 1e-9)]
    [InlineData(30.2, 1.3, 31.2, 0.97, 49.038160574298143, 1e-12)]
    [InlineData(1.2, 0.7, 2.2, 0.98, 2.5443620411359731, 1e-12)]
    [InlineData(0.25, 1.75, 4.0, 0.85, 1.1425597328444603, 1e-10)] // c − a − b = 2
    [InlineData(5.5, 1.2, 6.5, 0.999, 65.954178411534829, 1e-12)]
    public void Evaluate_matches_mpmath(double a, double b, double c, double z, double expected, double relativeTolerance)
    {
        double actual = Hypergeometric.Evaluate(a, b, c, z);

        Assert.True(Math.Abs(actual - expected) <= relativeTolerance * Math.Abs(expected), $"2F1({a}, {b}; {c}; {z}) = {actual:R}, mpmath {expected:R}");
    }

    [Theory]
    [InlineData(1.0, 2.0, 3.0, 1.0)]
    [InlineData(1.0, 2.0, 3.0, 1.5)]
    [InlineData(1.0, 2.0, -1.0, 0.5)]
    [InlineData(double.NaN, 2.0, 3.0, 0.5)]
    public void Evaluate_outside_the_domain_is_NaN(double a, double b, double c, double z) =>
        Assert.True(double.IsNaN(Hypergeometric.Evaluate(a, b, c, z)));

    // The unit-gap form c = a + 1 the Pareto/NBD likelihood uses, against mpmath (ln of the value), on both sides of
    // the series limit 0.97:  mp.log(mp.hyp2f1(a, b, a + 1, z)).
    [Theory]
    [InlineData(1.159, 1.606, 0.05, 0.044129925801110997)]
    [InlineData(27.159, 27.553, 0.5, 18.416146510351146)]
    [InlineData(1.159, 1.606, 0.9, 1.8119134107220256)]
    [InlineData(1.159, 1.606, 0.99, 3.3700999886932668)]
    [InlineData(1.159, 0.4, 0.999, 0.53893161870812031)]
    public void LogUnitGap_matches_mpmath(double a, double b, double z, double expected)
    {
        double actual = Hypergeometric.LogUnitGap(a, b, z, out _, out _, out _);

        Assert.Equal(expected, actual, 1e-10);
        Assert.Equal(expected, Hypergeometric.LogUnitGapValue(a, b, z), 1e-10);
    }

    [Property(MaxTest = 200)]
    public void LogUnitGap_derivatives_match_central_differences(PositiveInt ai, PositiveInt bi, PositiveInt zi)
    {
        double a = 0.1 + (ai.Get % 400 / 10.0);
        double b = 0.1 + ((bi.Get % 1000) / 1000.0 * (a + 0.9));
        double z = zi.Get % 990 / 1000.0;

        double value = Hypergeometric.LogUnitGap(a, b, z, out double dA, out double dB, out double dZ);

        const double h = 1e-6;
        double numA = (Hypergeometric.LogUnitGap(a + h, b, z, out _, out _, out _) - Hypergeometric.LogUnitGap(a - h, b, z, out _, out _, out _)) / (2 * h);
        double numB = (Hypergeometric.LogUnitGap(a, b + h, z, out _, out _, out _) - Hypergeometric.LogUnitGap(a, b - h, z, out _, out _, out _)) / (2 * h);
        double zh = Math.Min(h, z / 2) + 1e-12;
        double numZ = (Hypergeometric.LogUnitGap(a, b, z + zh, out _, out _, out _) - Hypergeometric.LogUnitGap(a, b, Math.Max(0, z - zh), out _, out _, out _)) / (z + zh - Math.Max(0, z - zh));
        Assert.True(double.IsFinite(value));
        Assert.True(Math.Abs(dA - numA) <= 1e-5 * (1 + Math.Abs(numA)), $"dA {dA} vs {numA} at a={a} b={b} z={z}");
        Assert.True(Math.Abs(dB - numB) <= 1e-5 * (1 + Math.Abs(numB)), $"dB {dB} vs {numB} at a={a} b={b} z={z}");
        Assert.True(Math.Abs(dZ - numZ) <= 1e-4 * (1 + Math.Abs(numZ)), $"dZ {dZ} vs {numZ} at a={a} b={b} z={z}");
    }

    [Property(MaxTest = 200)]
    public void LogUnitGap_agrees_with_the_general_evaluation(PositiveInt ai, PositiveInt bi, PositiveInt zi)
    {
        double a = 0.1 + (ai.Get % 300 / 10.0);
        double b = 0.1 + ((bi.Get % 1000) / 1000.0 * (a + 0.9));
        double z = zi.Get % 999 / 1000.0;

        double viaEuler = Hypergeometric.LogUnitGap(a, b, z, out _, out _, out _);
        double direct = Math.Log(Hypergeometric.Evaluate(a, b, a + 1, z));

        Assert.True(Math.Abs(viaEuler - direct) <= 1e-7 * Math.Max(1, Math.Abs(direct)), $"{viaEuler} vs {direct} at a={a} b={b} z={z}");
    }
}

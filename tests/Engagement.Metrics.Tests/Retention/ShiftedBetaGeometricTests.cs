using Engagement.Metrics.Retention;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Tests.Statistics;
using static Engagement.Metrics.Tests.Retention.RetentionData;

namespace Engagement.Metrics.Tests.Retention;

public class ShiftedBetaGeometricTests
{
    // Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1), Table 1 data, years 0–7:
    // published MLEs α = 0.704, β = 1.182 (Regular) and α = 0.668, β = 3.806 (High End), asserted to 3 significant
    // figures (the paper's precision). The log-likelihoods −1680.27 / −1611.16 and the refit values 0.704077/1.182043,
    // 0.668088/3.806096 are from ../shared/datasets/sbg-retention/README.md (Nelder–Mead refit) and mpmath here
    // (B-function form of eq. 5 at those values: −1680.2652, −1611.1581); tolerance 1e-4 relative on the refit.
    [Theory]
    [InlineData("regular", 0.704, 1.182, 0.704077, 1.182043, -1680.2652)]
    [InlineData("highend", 0.668, 3.806, 0.668088, 3.806096, -1611.1581)]
    public void Fit_PublishedCohorts_ReproducePaper(string cohort, double alpha, double beta, double refitAlpha, double refitBeta, double logLikelihood)
    {
        long[] data = (cohort == "regular" ? Regular : HighEnd)[..8];
        SbgModel m = ShiftedBetaGeometric.Fit(data);

        Assert.True(m.Converged, m.Diagnostics.ToString());
        Assert.Equal(alpha, Math.Round(m.Alpha.Value, 3));
        Assert.Equal(beta, Math.Round(m.Beta.Value, 3));
        NumericAssert.Close(refitAlpha, m.Alpha.Value, 1e-4);
        NumericAssert.Close(refitBeta, m.Beta.Value, 1e-4);
        NumericAssert.Close(logLikelihood, m.LogLikelihood!.Value, 1e-7);
        Assert.True(m.Alpha.StandardError > 0);
        Assert.True(m.Beta.StandardError > 0);
        Assert.Equal(data, m.Survivors);
    }

    // Same README: projection 1000·S(t) for years 7–12 and fitted retention rates r_1.. (4 decimals published there).
    [Fact]
    public void Projection_Regular_MatchesReadme()
    {
        SbgModel m = ShiftedBetaGeometric.Fit(Regular.AsSpan(0, 8));
        double[] projection = m.ProjectSurvivors(1000, 12);
        double[] expected = [239.0, 220.1, 204.4, 191.2, 179.9, 170.0];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Math.Round(projection[7 + i], 1));
        }

        double[] rates = m.RetentionCurve(12);
        Assert.Equal(0.6267, Math.Round(rates[0], 4));
        Assert.Equal(0.9454, Math.Round(rates[11], 4));
    }

    // README of ../shared/datasets/sbg-retention (our mpmath computation, and jdmaturen's residual_cohort_lifetime = 7.530 for
    // High End): at d = 10 %, DERL for a customer with 7 renewals (n = 8) is 6.8423 (Regular) and 7.5296 (High End);
    // the discounted expected lifetime of a new customer, ₂F₁(1, β; α+β; 1/1.1), is 3.6949 and 5.9223. At the README's
    // parameters mpmath gives 6.842316149751, 7.529629579476, 3.694909535025, 5.922255562361 (1e-10 relative).
    [Theory]
    [InlineData(0.704077, 1.182043, 6.842316149751, 3.694909535025)]
    [InlineData(0.668088, 3.806096, 7.529629579476, 5.922255562361)]
    public void Derl_MatchesReference(double alpha, double beta, double derl, double lifetime)
    {
        var m = new SbgModel(alpha, beta);
        NumericAssert.Close(derl, m.DiscountedExpectedResidualLifetime(0.1, 7), 1e-10);
        NumericAssert.Close(lifetime, m.DiscountedExpectedLifetime(0.1), 1e-10);
    }

    [Fact]
    public void Derl_OfFittedHighEnd_Is7Point530()
    {
        SbgModel m = ShiftedBetaGeometric.Fit(HighEnd.AsSpan(0, 8));
        Assert.Equal(7.530, Math.Round(m.DiscountedExpectedResidualLifetime(0.1, 7), 3));
    }

    [Fact]
    public void Curves_AreConsistent()
    {
        var m = new SbgModel(0.7, 1.2);
        double[] s = m.SurvivalCurve(300);
        for (int t = 1; t <= 300; t++)
        {
            NumericAssert.Close(s[t], m.Survival(t), 1e-12);
            NumericAssert.Close(s[t - 1] - s[t], m.ChurnProbability(t), 1e-10, 1e-15);
        }

        Assert.Equal(0.7 / 1.9, m.MeanChurnProbability, 15);
        Assert.True(m.Converged);
        Assert.Null(m.LogLikelihood);
    }

    // The likelihood is maximised at the fit: perturbing either parameter by 1 % lowers it.
    [Fact]
    public void LogLikelihood_IsMaximalAtFit()
    {
        SbgModel m = ShiftedBetaGeometric.Fit(HighEnd.AsSpan(0, 8));
        double best = ShiftedBetaGeometric.LogLikelihood(HighEnd.AsSpan(0, 8), m.Alpha.Value, m.Beta.Value);
        Assert.Equal(m.LogLikelihood!.Value, best, 9);
        foreach ((double da, double db) in new[] { (1.01, 1.0), (0.99, 1.0), (1.0, 1.01), (1.0, 0.99) })
        {
            Assert.True(ShiftedBetaGeometric.LogLikelihood(HighEnd.AsSpan(0, 8), m.Alpha.Value * da, m.Beta.Value * db) < best);
        }
    }

    // Counts generated from known parameters with a large cohort are fitted back to those parameters.
    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(3.0, 10.0)]
    [InlineData(1.2, 0.8)]
    public void Fit_RecoversParametersOfExpectedCounts(double alpha, double beta)
    {
        double[] s = new SbgModel(alpha, beta).ProjectSurvivors(1e9, 10);
        long[] survivors = s.Select(x => (long)Math.Round(x)).ToArray();
        SbgModel m = ShiftedBetaGeometric.Fit(survivors);
        Assert.True(m.Converged);
        NumericAssert.Close(alpha, m.Alpha.Value, 1e-3);
        NumericAssert.Close(beta, m.Beta.Value, 1e-3);
    }

    // Multiplying every count by k multiplies log L by k, so the maximiser is the same and the standard errors shrink by √k.
    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    public void Fit_ScaledCounts_SameEstimate_SmallerErrors(int k)
    {
        SbgModel once = ShiftedBetaGeometric.Fit(Regular.AsSpan(0, 8));
        SbgModel scaled = ShiftedBetaGeometric.Fit(Regular.AsSpan(0, 8).ToArray().Select(n => n * k).ToArray());
        NumericAssert.Close(once.Alpha.Value, scaled.Alpha.Value, 1e-5);
        NumericAssert.Close(once.Beta.Value, scaled.Beta.Value, 1e-5);
        NumericAssert.Close(once.Alpha.StandardError!.Value / Math.Sqrt(k), scaled.Alpha.StandardError!.Value, 1e-3);
        NumericAssert.Close(k * once.LogLikelihood!.Value, scaled.LogLikelihood!.Value, 1e-9);
    }

    [Fact]
    public void Fit_StoppedEarly_SaysItDidNotConverge()
    {
        SbgModel m = ShiftedBetaGeometric.Fit(Regular.AsSpan(0, 8), new FitOptions { MaxIterations = 1 });
        Assert.False(m.Converged);
        Assert.Equal(FitStatus.IterationLimit, m.Diagnostics!.Value.Status);
    }

    // No churn at all (the likelihood rises as α → 0) or everyone gone after one period (β → 0): no finite MLE exists,
    // so the fit refuses rather than report a boundary point as an estimate.
    [Theory]
    [InlineData(new long[] { 100, 100, 100, 100 })]
    [InlineData(new long[] { 100, 0, 0 })]
    public void Fit_UnidentifiedData_Throws(long[] survivors)
    {
        var e = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit(survivors));
        Assert.Equal("survivors", e.ParamName);
    }

    [Fact]
    public void BadSurvivors_NamePositionAndValue()
    {
        var up = Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([1000, 631, 700]));
        Assert.Contains("survivors[2] is 700", up.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometric.Fit([1000, -1]));
        Assert.Contains("survivors[1] is -1", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([1000]));
        Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SbgModel(0.7, 1.2).DiscountedExpectedResidualLifetime(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SbgModel(-1, 1.2));
    }
}

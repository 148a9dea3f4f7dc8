using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Surveys;

public class CustomerEffortScoreTests
{
    // The worked example of docs/metrics/ces.md on the CES 2.0 1–7 agreement scale.
    private static readonly byte[] DocExample = [7, 6, 5, 5, 4, 6, 7, 3, 6, 5];

    [Fact]
    public void Calculate_DocExample_MeanWithStudentTInterval()
    {
        CesResult r = CustomerEffortScore.Calculate(DocExample);

        Assert.Equal(5.4, r.Score!.Value, 12);
        Assert.Equal(0.4, r.StandardError!.Value, 12); // s² = 1.6, SE = √(1.6/10)
        // 5.4 ± t(0.975, 9) × 0.4 with t = 2.262157 (NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
        Interval ci = r.ConfidenceInterval!.Value;
        Assert.Equal(4.495137134880719, ci.Lower, 1e-6);
        Assert.Equal(6.304862865119282, ci.Upper, 1e-6);
        Assert.Equal(80, r.EasyShare!.Value, 12);
    }

    [Fact]
    public void Calculate_Legacy_LowerIsEasier()
    {
        CesResult r = CustomerEffortScore.Calculate(new[] { 1, 2, 2, 4, 5 }, CesOptions.Legacy);
        Assert.Equal(2.8, r.Score!.Value, 12);
        Assert.Equal(60, r.EasyShare!.Value, 12);
        Assert.True(r.LowerIsEasier);
    }

    [Fact]
    public void Calculate_EightOnSevenPointScale_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerEffortScore.Calculate(new[] { 7, 8 }));
        Assert.Contains("scores[1] is 8, outside the scale 1..7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Welch_MatchesTheFormula()
    {
        // A: mean 5.4, s² = 1.6, n = 10. B: 3, 4, 4, 5, 4 → mean 4, s² = 0.5, n = 5.
        CesResult a = CustomerEffortScore.Calculate(DocExample);
        CesResult b = CustomerEffortScore.Calculate(new[] { 3, 4, 4, 5, 4 });
        var c = CustomerEffortScore.Compare(a, b);

        double va = 1.6 / 10, vb = 0.5 / 5;
        double df = (va + vb) * (va + vb) / ((va * va / 9) + (vb * vb / 4));
        Assert.Equal(1.4, c.Difference!.Value, 12);
        Assert.Equal(Math.Sqrt(va + vb), c.StandardError!.Value, 12);
        Assert.Equal(df, c.DegreesOfFreedom!.Value, 9);
        Assert.Equal(2 * StudentT.Cdf(-1.4 / Math.Sqrt(va + vb), df), c.PValue!.Value, 12);
    }

    [Fact]
    public void Compare_SideWithOneResponse_HasNoValue()
    {
        var c = CustomerEffortScore.Compare(CustomerEffortScore.Calculate(DocExample), CustomerEffortScore.Calculate(new[] { 5 }));
        Assert.False(c.HasValue);
    }

    [Property]
    public bool Mean_LiesOnTheScale_AndTheIntervalContainsIt(byte[] raw)
    {
        CesResult r = CustomerEffortScore.Calculate(Scores.OnScale(raw, 1, 7));
        return raw.Length < 2
            || (r.Score is >= 1 and <= 7 && r.ConfidenceInterval!.Value.Contains(r.Score.Value));
    }

    [Property]
    public bool Weighted_IntegerWeights_EqualRepeatedResponses(byte[] raw)
    {
        // Weight 2 means the same mean and share as listing the response twice (the uncertainty differs: n_eff).
        int[] scores = Scores.ToInts(Scores.OnScale(raw, 1, 7));
        double[] twos = Enumerable.Repeat(2.0, scores.Length).ToArray();
        CesResult weighted = CustomerEffortScore.Calculate(scores, twos);
        CesResult repeated = CustomerEffortScore.Calculate([.. scores, .. scores]);
        return scores.Length == 0
            || (Math.Abs(weighted.Score!.Value - repeated.Score!.Value) < 1e-12 && Math.Abs(weighted.EasyShare!.Value - repeated.EasyShare!.Value) < 1e-12);
    }
}

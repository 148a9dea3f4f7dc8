using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Surveys;

public class NetPromoterScoreTests
{
    // The worked example of docs/metrics/nps.md: 5 promoters (10, 9, 9, 10, 9), 2 passives (8, 7), 3 detractors (6, 3, 5).
    private static readonly byte[] DocExample = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5];

    [Fact]
    public void Calculate_DocExample_MatchesHandComputation()
    {
        NpsResult r = NetPromoterScore.Calculate(DocExample);

        Assert.Equal(10, r.Count);
        Assert.Equal(5, r.Promoters);
        Assert.Equal(2, r.Passives);
        Assert.Equal(3, r.Detractors);
        Assert.Equal(20, r.Score);
        // 100 × √((0.5 + 0.3 − 0.2²) / 10) = 100 × √0.076
        Scores.AssertClose(27.568097504180443, r.StandardError, 1e-9);
    }

    [Fact]
    public void ConfidenceInterval_DocExample_AdjustedWaldByDefault()
    {
        // Rocks (2016): n' = 13, p' = 5.75/13, d' = 3.75/13; centre ± 1.959964 × √((p' + d' − (p' − d')²)/n').
        Interval ci = NetPromoterScore.Calculate(DocExample).ConfidenceInterval!.Value;

        Assert.Equal(0.95, ci.Level);
        Assert.Equal(-30.32599443550416, ci.Lower, 1e-7);
        Assert.Equal(61.09522520473494, ci.Upper, 1e-7);
    }

    [Fact]
    public void ConfidenceInterval_WaldOption_IsEstimatePlusMinusZTimesSe()
    {
        var options = new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald };
        Interval ci = NetPromoterScore.Calculate(DocExample, options).ConfidenceInterval!.Value;

        Assert.Equal(-34.03247823048222, ci.Lower, 1e-7);
        Assert.Equal(74.03247823048221, ci.Upper, 1e-7);
    }

    [Fact]
    public void ConfidenceInterval_AllPromoters_IsClippedAt100()
    {
        Interval ci = NetPromoterScore.Calculate(new byte[] { 10, 10, 9, 10, 9, 10, 10, 10, 9, 10 }).ConfidenceInterval!.Value;
        Assert.Equal(100, ci.Upper);
        Assert.True(ci.Lower < 100);
    }

    [Fact]
    public void Calculate_Empty_HasNoValue()
    {
        NpsResult r = NetPromoterScore.Calculate(ReadOnlySpan<byte>.Empty);

        Assert.Equal(0, r.Count);
        Assert.False(r.HasValue);
        Assert.Null(r.Score);
        Assert.Null(r.StandardError);
        Assert.Null(r.ConfidenceInterval);
        Assert.Null(r.PromoterShare);
    }

    [Fact]
    public void Calculate_AllWeightsZero_HasNoValue()
    {
        NpsResult r = NetPromoterScore.Calculate(new[] { 9, 3 }, new[] { 0.0, 0.0 });
        Assert.Equal(2, r.Count);
        Assert.False(r.HasValue);
        Assert.Null(r.Score);
    }

    [Fact]
    public void Calculate_CustomBands_ClassifiesByOptions()
    {
        // Some programmes count 8 as a promoter and 0–5 as detractors.
        var options = new NpsOptions { PromoterMinimum = 8, DetractorMaximum = 5 };
        NpsResult r = NetPromoterScore.Calculate(DocExample, options);

        Assert.Equal(6, r.Promoters);
        Assert.Equal(2, r.Passives);
        Assert.Equal(2, r.Detractors);
        Assert.Equal(40, r.Score);
    }

    [Fact]
    public void Calculate_Weighted_UsesWeightedSharesAndKishSampleSize()
    {
        int[] scores = [10, 0];
        double[] weights = [3, 1];
        NpsResult r = NetPromoterScore.Calculate(scores, weights);

        Assert.Equal(50, r.Score); // (3 − 1) / 4
        Assert.Equal(16.0 / 10.0, r.EffectiveSampleSize, 1e-12); // (Σw)² / Σw² = 16 / 10
        // p = 0.75, d = 0.25: 100 × √((1 − 0.25) / 1.6)
        Scores.AssertClose(100 * Math.Sqrt(0.75 / 1.6), r.StandardError, 1e-9);
    }

    [Fact]
    public void FromCounts_EqualsCalculateOnTheSameResponses()
    {
        Assert.Equal(NetPromoterScore.Calculate(DocExample), NetPromoterScore.FromCounts(5, 2, 3));
    }

    [Theory]
    [InlineData(0, 11)]
    [InlineData(4, 200)]
    [InlineData(9, 255)]
    public void Calculate_ScoreOffScale_ThrowsNamingIndexAndValue(int index, byte value)
    {
        byte[] scores = new byte[10];
        scores[index] = value;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Calculate(scores));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains($"scores[{index}] is {value}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_OffScaleDeepInsideAVectorBlock_ReportsTheFirstBadIndex()
    {
        byte[] scores = new byte[20_000];
        scores[12_345] = 11;
        scores[15_000] = 12;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Calculate(scores));
        Assert.Contains("scores[12345] is 11", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_NegativeIntScore_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Calculate(new[] { 5, -1 }));
        Assert.Contains("scores[1] is -1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Calculate_InvalidWeight_ThrowsNamingIndexAndValue(double weight)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Calculate(new[] { 9, 9 }, new[] { 1.0, weight }));
        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("weights[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_WeightsOfOtherLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => NetPromoterScore.Calculate(new[] { 9, 9 }, new[] { 1.0 }));
        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void Options_Invalid_ReportsEveryBrokenRule()
    {
        var options = new NpsOptions { PromoterMinimum = 5, DetractorMaximum = 6, ConfidenceLevel = 1.5 };
        var ex = Assert.Throws<ArgumentException>(() => NetPromoterScore.Calculate(DocExample, options));
        Assert.Contains("PromoterMinimum", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConfidenceLevel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SameResults_NoDifference()
    {
        NpsResult r = NetPromoterScore.Calculate(DocExample);
        var c = NetPromoterScore.Compare(r, r);
        Assert.Equal(0, c.Difference);
        Assert.Equal(1, c.PValue!.Value, 12);
        Assert.Equal(Math.Sqrt(2) * r.StandardError!.Value, c.StandardError!.Value, 9);
    }

    [Fact]
    public void Compare_AgainstEmpty_HasNoValue()
    {
        var c = NetPromoterScore.Compare(NetPromoterScore.Calculate(DocExample), NetPromoterScore.Calculate(ReadOnlySpan<byte>.Empty));
        Assert.False(c.HasValue);
        Assert.Null(c.PValue);
        Assert.Null(c.ConfidenceInterval);
    }

    [Fact]
    public void Compare_ClearlyDifferentGroups_IsSignificant()
    {
        var good = NetPromoterScore.FromCounts(600, 300, 100);
        var bad = NetPromoterScore.FromCounts(200, 300, 500);
        var c = NetPromoterScore.Compare(good, bad);
        Assert.Equal(80, c.Difference!.Value, 9);
        Assert.True(c.PValue < 1e-6);
        Assert.True(c.ConfidenceInterval!.Value.Contains(80));
    }

    [Property]
    public bool Score_IsWithinMinus100And100(byte[] raw)
    {
        NpsResult r = NetPromoterScore.Calculate(Scores.Nps(raw));
        return raw.Length == 0 ? r.Score is null : r.Score is >= -100 and <= 100;
    }

    [Property]
    public bool Shares_SumToOne(byte[] raw)
    {
        NpsResult r = NetPromoterScore.Calculate(Scores.Nps(raw));
        return raw.Length == 0 || Math.Abs(r.PromoterShare!.Value + r.PassiveShare!.Value + r.DetractorShare!.Value - 1) < 1e-12;
    }

    [Property]
    public bool Calculate_IsPermutationInvariant(byte[] raw, int seed)
    {
        byte[] scores = Scores.Nps(raw);
        byte[] shuffled = (byte[])scores.Clone();
        new Random(seed).Shuffle(shuffled);
        return NetPromoterScore.Calculate(scores) == NetPromoterScore.Calculate(shuffled);
    }

    [Property]
    public bool BytePath_EqualsIntPath(byte[] raw)
    {
        byte[] scores = Scores.Nps(raw);
        return NetPromoterScore.Calculate(scores) == NetPromoterScore.Calculate(Scores.ToInts(scores));
    }

    [Property]
    public bool BytePath_EqualsIntPath_ForAnyBands(byte[] raw, byte a, byte b)
    {
        // The byte path counts bands with vector compares; the int path goes through the full histogram.
        int detractorMaximum = a % 10;
        int promoterMinimum = detractorMaximum + 1 + (b % (10 - detractorMaximum));
        var options = new NpsOptions { DetractorMaximum = detractorMaximum, PromoterMinimum = promoterMinimum };
        byte[] scores = Scores.Nps([.. raw, .. raw, .. raw, .. raw, .. raw, .. raw, .. raw, .. raw]);
        return NetPromoterScore.Calculate(scores, options) == NetPromoterScore.Calculate(Scores.ToInts(scores), options);
    }

    [Property]
    public bool UnitWeights_EqualUnweighted(byte[] raw)
    {
        int[] scores = Scores.ToInts(Scores.Nps(raw));
        double[] ones = Enumerable.Repeat(1.0, scores.Length).ToArray();
        return NetPromoterScore.Calculate(scores, ones) == NetPromoterScore.Calculate(scores);
    }

    [Property]
    public bool NewPromoter_NeverLowersScore_NewDetractor_NeverRaisesIt(byte[] raw)
    {
        int[] scores = Scores.ToInts(Scores.Nps(raw));
        if (scores.Length == 0)
        {
            return true;
        }

        double before = NetPromoterScore.Calculate(scores).Score!.Value;
        double withPromoter = NetPromoterScore.Calculate([.. scores, 10]).Score!.Value;
        double withDetractor = NetPromoterScore.Calculate([.. scores, 0]).Score!.Value;
        return withPromoter >= before - 1e-9 && withDetractor <= before + 1e-9;
    }

    [Property]
    public bool WaldInterval_ContainsTheEstimate(byte[] raw)
    {
        NpsResult r = NetPromoterScore.Calculate(Scores.Nps(raw), new NpsOptions { IntervalMethod = NpsIntervalMethod.Wald });
        return raw.Length == 0 || r.ConfidenceInterval!.Value.Contains(r.Score!.Value);
    }

    [Property]
    public bool AdjustedWaldInterval_ContainsTheEstimate_FromTwoResponses(byte[] raw)
    {
        // With a single response the adjusted centre is pulled so far towards 0 that the 95% interval can miss the
        // raw ±100 (one promoter: upper bound 98.5); from two responses on it always contains it.
        NpsResult r = NetPromoterScore.Calculate(Scores.Nps(raw));
        return raw.Length < 2 || r.ConfidenceInterval!.Value.Contains(r.Score!.Value);
    }

    [Property]
    public bool Interval_NarrowsAsTheSampleGrows(byte[] raw, bool adjusted)
    {
        // The same shares on twice the responses.
        byte[] scores = Scores.Nps(raw);
        var options = new NpsOptions { IntervalMethod = adjusted ? NpsIntervalMethod.AdjustedWald : NpsIntervalMethod.Wald };
        if (scores.Length == 0)
        {
            return true;
        }

        double once = NetPromoterScore.Calculate(scores, options).ConfidenceInterval!.Value.Width;
        double twice = NetPromoterScore.Calculate([.. scores, .. scores], options).ConfidenceInterval!.Value.Width;
        return twice <= once + 1e-9;
    }

    [Fact]
    public void BytePath_LengthSweep_EqualsScalarCount()
    {
        // Covers the empty span, the scalar tail after every vector width, and the 255-vector block boundary.
        var random = new Random(42);
        foreach (int length in Enumerable.Range(0, 300).Concat([8_159, 8_160, 8_161, 16_320 + 33, 100_003]))
        {
            byte[] scores = new byte[length];
            for (int i = 0; i < length; i++)
            {
                scores[i] = (byte)random.Next(0, 11);
            }

            long promoters = scores.Count(s => s >= 9);
            long detractors = scores.Count(s => s <= 6);
            NpsResult r = NetPromoterScore.Calculate(scores);
            Assert.Equal(promoters, r.Promoters);
            Assert.Equal(detractors, r.Detractors);
            Assert.Equal(length - promoters - detractors, r.Passives);
        }
    }
}

using System.Text.Json;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Surveys;

public class SurveyAccumulatorTests
{
    [Property]
    public bool Nps_MergeOfSplit_EqualsWhole(byte[] raw, int cut)
    {
        byte[] scores = Scores.Nps(raw);
        int at = scores.Length == 0 ? 0 : Math.Abs(cut % (scores.Length + 1));
        var left = new NpsAccumulator();
        var right = new NpsAccumulator();
        left.AddRange(scores.AsSpan(0, at));
        right.AddRange(Scores.ToInts(scores[at..]));
        left.Merge(right);
        return left.ToResult() == NetPromoterScore.Calculate(scores);
    }

    [Property]
    public bool Csat_MergeIsCommutative(byte[] a, byte[] b)
    {
        var ab = new CsatAccumulator();
        ab.AddRange(Scores.OnScale(a, 1, 5));
        var other = new CsatAccumulator();
        other.AddRange(Scores.OnScale(b, 1, 5));
        var ba = other.CreateEmpty();
        ba.Merge(other);
        var first = new CsatAccumulator();
        first.AddRange(Scores.OnScale(a, 1, 5));
        ab.Merge(other);
        ba.Merge(first);
        return ab.ToResult() == ba.ToResult();
    }

    [Property]
    public bool Ces_WeightedMergeOfSplit_EqualsWholeWithinRounding(byte[] raw, int cut)
    {
        int[] scores = Scores.ToInts(Scores.OnScale(raw, 1, 7));
        double[] weights = scores.Select((s, i) => 0.5 + (i % 7 * 0.37)).ToArray();
        int at = scores.Length == 0 ? 0 : Math.Abs(cut % (scores.Length + 1));
        var left = new CesAccumulator();
        var right = new CesAccumulator();
        left.AddRange(scores.AsSpan(0, at), weights.AsSpan(0, at));
        right.AddRange(scores.AsSpan(at), weights.AsSpan(at));
        left.Merge(right);
        CesResult merged = left.ToResult();
        CesResult whole = CustomerEffortScore.Calculate(scores, weights);
        return scores.Length == 0
            ? merged.Count == 0
            : Math.Abs(merged.Score!.Value - whole.Score!.Value) <= 1e-9 * Math.Abs(whole.Score.Value);
    }

    [Fact]
    public void AddRange_RejectedBatch_LeavesStateUntouched()
    {
        var acc = new NpsAccumulator();
        acc.AddRange(new byte[] { 10, 9, 3 });
        string before = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.NpsAccumulator);

        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(new byte[] { 10, 10, 10, 42 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(new[] { 10, -3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.AddRange(new[] { 10, 9 }, new[] { 1.0, double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add(11));

        Assert.Equal(before, JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.NpsAccumulator));
        Assert.Equal(3, acc.Count);
    }

    [Fact]
    public void Merge_DifferentOptions_Throws()
    {
        var a = new NpsAccumulator();
        var b = new NpsAccumulator(new NpsOptions { PromoterMinimum = 8 });
        var ex = Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Equal("other", ex.ParamName);
    }

    [Fact]
    public void Accumulator_SerializedMidStream_ResumesWithTheSameAnswer()
    {
        var acc = new CsatAccumulator(new CsatOptions { Minimum = 1, Maximum = 7, SatisfiedThreshold = 6 });
        acc.AddRange(new[] { 7, 6, 2, 5 });
        string json = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.CsatAccumulator);

        CsatAccumulator restored = JsonSerializer.Deserialize(json, EngagementMetricsJsonContext.Default.CsatAccumulator)!;
        restored.Add(7);
        acc.Add(7);

        Assert.Equal(acc.ToResult(), restored.ToResult());
        Assert.Equal(acc.Options, restored.Options);
    }

    [Fact]
    public void Accumulator_Empty_HasNoValue()
    {
        Assert.False(new NpsAccumulator().ToResult().HasValue);
        Assert.Null(new CsatAccumulator().ToResult().Score);
        Assert.Null(new CesAccumulator().ToResult().Score);
    }

    [Fact]
    public void Constructor_HistogramOnOtherScale_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CsatAccumulator(CsatOptions.Default, new ScoreHistogram(0, 10)));
        Assert.Equal("histogram", ex.ParamName);
    }
}

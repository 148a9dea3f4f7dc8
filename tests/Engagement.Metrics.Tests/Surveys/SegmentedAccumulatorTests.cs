using Engagement.Metrics.Surveys;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Surveys;

public class SegmentedAccumulatorTests
{
    [Property]
    public bool Segments_MergeToTheOverallResult(byte[] raw)
    {
        byte[] scores = Scores.Nps(raw);
        var segments = new SegmentedAccumulator<int, NpsAccumulator>(new NpsAccumulator());
        for (int i = 0; i < scores.Length; i++)
        {
            segments.Add(i % 3, scores[i]);
        }

        return segments.ToOverall().ToResult() == NetPromoterScore.Calculate(scores);
    }

    [Fact]
    public void Add_GroupsByKey()
    {
        var byChannel = new SegmentedAccumulator<string, NpsAccumulator>(new NpsAccumulator(), StringComparer.OrdinalIgnoreCase);
        byChannel.Add("chat", 10);
        byChannel.Add("CHAT", 9);
        byChannel.Add("voice", 2);

        Assert.Equal(2, byChannel.Groups.Count);
        Assert.Equal(100, byChannel.Groups["chat"].ToResult().Score);
        Assert.Equal(-100, byChannel.Groups["voice"].ToResult().Score);
        Assert.Equal(33.333333333333336, byChannel.ToOverall().ToResult().Score!.Value, 9);
    }

    [Fact]
    public void Add_BadScore_CreatesNoSegment()
    {
        var segments = new SegmentedAccumulator<string, CsatAccumulator>(new CsatAccumulator());
        Assert.Throws<ArgumentOutOfRangeException>(() => segments.Add("email", 9));
        Assert.Empty(segments.Groups);
    }

    [Fact]
    public void Merge_CombinesKeyByKey()
    {
        var a = new SegmentedAccumulator<string, CesAccumulator>(new CesAccumulator());
        var b = new SegmentedAccumulator<string, CesAccumulator>(new CesAccumulator());
        a.Add("north", 7);
        b.Add("north", 5);
        b.Add("south", 1);
        a.Merge(b);

        Assert.Equal(6, a.Groups["north"].ToResult().Score);
        Assert.Equal(1, a.Groups["south"].ToResult().Score);
    }

    [Fact]
    public void Merge_DifferentOptions_ThrowsAndMergesNothing()
    {
        var a = new SegmentedAccumulator<string, CesAccumulator>(new CesAccumulator());
        var b = new SegmentedAccumulator<string, CesAccumulator>(new CesAccumulator(CesOptions.Legacy));
        b.Add("north", 2);
        Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Empty(a.Groups);
    }

    [Fact]
    public void Update_ThatThrowsForANewKey_CreatesNoSegment_AndAppliesToExistingOnes()
    {
        var segments = new SegmentedAccumulator<string, NpsAccumulator>(new NpsAccumulator());
        segments.Add("chat", 9, static (a, s) => a.Add(s));

        Assert.Throws<ArgumentOutOfRangeException>(() => segments.Add("voice", 11, static (a, s) => a.Add(s)));
        segments.Add("chat", 3, static (a, s) => a.Add(s));

        Assert.Equal(["chat"], segments.Groups.Keys);
        Assert.Equal(2, segments.Groups["chat"].Count);
    }
}

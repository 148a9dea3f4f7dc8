using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Sentiment;

public class NetEmotionalValueTests
{
    [Fact]
    public void Worked_example_from_the_doc_page()
    {
        // docs/metrics/nev.md: 6 positive and 4 negative mentions -> NEV = 100 (6 - 4)/10 = 20.
        NetEmotionalValueResult r = NetEmotionalValue.Calculate(
            ["happy", "valued", "Pleased", "happy", "relieved", "impressed", "frustrated", "hurried", "frustrated", "let down"]);
        Assert.Equal(6, r.PositiveMentions);
        Assert.Equal(4, r.NegativeMentions);
        Assert.Equal(20, r.Value!.Value, 12);
        Assert.False(r.IsTextProxy);
        // Wilson interval of p = 0.6 with n = 10, mapped by 100 (2p - 1)
        Interval p = ConfidenceIntervals.Wilson(6, 10, 0.95);
        Assert.Equal(100 * ((2 * p.Lower) - 1), r.ConfidenceInterval!.Value.Lower, 12);
        Assert.Equal(100 * ((2 * p.Upper) - 1), r.ConfidenceInterval!.Value.Upper, 12);
    }

    [Fact]
    public void Intensity_weighting()
    {
        // positive intensities 5 + 3 = 8, negative 4 -> NEV = 100 (8 - 4)/12 = 33.33
        var acc = new NetEmotionalValueAccumulator(NetEmotionalValueOptions.Default with { IntensityWeighted = true });
        acc.Add("happy", 5);
        acc.Add("valued", 3);
        acc.Add("angry", 4);
        NetEmotionalValueResult r = acc.ToResult();
        Assert.Equal(100 * 4 / 12.0, r.Value!.Value, 12);
        Assert.Null(r.ConfidenceInterval);
    }

    [Fact]
    public void By_touchpoint()
    {
        var byTouchpoint = new SegmentedAccumulator<string, NetEmotionalValueAccumulator>(new NetEmotionalValueAccumulator());
        byTouchpoint.Add("checkout", "happy", static (acc, e) => acc.Add(e));
        byTouchpoint.Add("delivery", "frustrated", static (acc, e) => acc.Add(e));
        byTouchpoint.Add("delivery", "let down", static (acc, e) => acc.Add(e));
        Assert.Equal(100, byTouchpoint.Groups["checkout"].ToResult().Value);
        Assert.Equal(-100, byTouchpoint.Groups["delivery"].ToResult().Value);
        Assert.Equal(100 * (1 - 2) / 3.0, byTouchpoint.ToOverall().ToResult().Value!.Value, 12);
    }

    [Fact]
    public void Unknown_emotion_is_rejected_and_the_batch_is_not_applied()
    {
        var acc = new NetEmotionalValueAccumulator();
        var e = Assert.Throws<ArgumentException>("emotions", () => acc.AddRange(["happy", "hungry"]));
        Assert.Contains("emotions[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("hungry", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, acc.Count);
        Assert.Throws<ArgumentOutOfRangeException>("intensity", () => acc.Add("happy", 0));
        Assert.Null(acc.ToResult().Value);
    }

    [Fact]
    public void Catalogue_is_validated()
    {
        var e = Assert.Throws<ArgumentException>(() => new NetEmotionalValueAccumulator(new NetEmotionalValueOptions { PositiveEmotions = ["calm", "Angry"], NegativeEmotions = ["angry"] }));
        Assert.Contains("'Angry' is both", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new NetEmotionalValueOptions { NegativeEmotions = [] }.Validate());
        Assert.Equal(NetEmotionalValueOptions.Default, new NetEmotionalValueOptions());
    }

    [Fact]
    public void Text_proxy_is_labelled_and_counts_non_neutral_messages()
    {
        var scorer = new LexiconSentimentScorer();
        SentimentScore[] scores = new[] { "Thanks, great service!", "Still waiting", "Please send the invoice", "Sigo esperando", "Muchas gracias" }.Select(t => scorer.Score(t)).ToArray();
        NetEmotionalValueResult proxy = NetEmotionalValue.FromSentiment(scores);
        Assert.True(proxy.IsTextProxy);
        Assert.Equal(2, proxy.PositiveMentions);
        Assert.Equal(2, proxy.NegativeMentions);
        Assert.Equal(0, proxy.Value);
    }

    [Property]
    public bool Nev_is_bounded_and_merge_of_split_equals_whole(byte[] picks, int cut)
    {
        string[] all = [.. NetEmotionalValueOptions.Default.PositiveEmotions, .. NetEmotionalValueOptions.Default.NegativeEmotions];
        string[] emotions = Array.ConvertAll(picks ?? [], b => all[b % all.Length]);
        int at = emotions.Length == 0 ? 0 : Math.Abs(cut % (emotions.Length + 1));
        var left = new NetEmotionalValueAccumulator();
        var right = new NetEmotionalValueAccumulator();
        left.AddRange(emotions.AsSpan(0, at));
        right.AddRange(emotions.AsSpan(at));
        left.Merge(right);
        NetEmotionalValueResult whole = NetEmotionalValue.Calculate(emotions);
        return left.ToResult() == whole && (whole.Value is null || (whole.Value >= -100 && whole.Value <= 100 && whole.ConfidenceInterval!.Value.Contains(whole.Value.Value)));
    }
}

using System.Text.Json;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Surveys;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Sentiment;

public class SentimentAggregateTests
{
    [Fact]
    public void Worked_example_from_the_doc_page()
    {
        // docs/metrics/sentiment.md: 10 messages, 5 positive, 2 neutral, 3 negative.
        double[] compounds = [0.8, 0.6, 0.4, 0.3, 0.1, 0.0, 0.02, -0.2, -0.5, -0.7];
        var acc = new SentimentAccumulator();
        acc.AddRange(compounds);
        SentimentSummary s = acc.ToResult();
        Assert.Equal((5L, 2L, 3L, 10L), (s.Positive, s.Neutral, s.Negative, s.Count));
        Assert.Equal(0.082, s.MeanCompound!.Value, 12);
        // net = 100 (0.5 - 0.3) = 20; SE = 100 sqrt((0.5 + 0.3 - 0.2^2)/10) = 100 sqrt(0.076) = 27.5681
        Assert.Equal(20, s.NetSentiment!.Value, 12);
        Assert.Equal(100 * Math.Sqrt(0.076), s.NetSentimentStandardError!.Value, 12);
        // adjusted Wald: n' = 13, p' = 5.75/13, d' = 3.75/13; 20/13 ... centre 100 * 2/13 = 15.3846
        double p = 5.75 / 13;
        double d = 3.75 / 13;
        double half = 1.959963984540054 * Math.Sqrt((p + d - ((p - d) * (p - d))) / 13);
        Assert.Equal(100 * (p - d - half), s.NetSentimentConfidenceInterval!.Value.Lower, 6);
        Assert.Equal(100 * (p - d + half), s.NetSentimentConfidenceInterval!.Value.Upper, 6);
        Assert.True(s.MeanCompoundConfidenceInterval!.Value.Contains(0.082));
    }

    [Fact]
    public void Empty_has_no_values()
    {
        SentimentSummary s = new SentimentAccumulator().ToResult();
        Assert.Equal(0, s.Count);
        Assert.Null(s.MeanCompound);
        Assert.Null(s.NetSentiment);
        Assert.Null(s.NetSentimentConfidenceInterval);
        Assert.Null(s.PositiveShare);
        Assert.Null(default(SentimentSummary).MeanCompoundConfidenceInterval);
    }

    [Fact]
    public void A_rejected_batch_leaves_the_accumulator_unchanged()
    {
        var acc = new SentimentAccumulator();
        acc.AddRange([0.5, -0.5]);
        string before = JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.SentimentAccumulator);
        var e = Assert.Throws<ArgumentOutOfRangeException>("compounds", () => acc.AddRange([0.1, double.NaN, 0.2]));
        Assert.Contains("compounds[1]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("compound", () => acc.Add(1.5));
        Assert.Equal(before, JsonSerializer.Serialize(acc, EngagementMetricsJsonContext.Default.SentimentAccumulator));
    }

    [Fact]
    public void Merging_accumulators_with_different_options_is_refused()
    {
        var a = new SentimentAccumulator();
        var b = new SentimentAccumulator(new SentimentOptions { ConfidenceLevel = 0.9 });
        Assert.Throws<ArgumentException>("other", () => a.Merge(b));
    }

    [Property]
    public bool Merge_of_split_equals_whole(int[] raw, int cut)
    {
        double[] compounds = Array.ConvertAll(raw ?? [], x => (x % 1001) / 1000.0);
        int at = compounds.Length == 0 ? 0 : Math.Abs(cut % (compounds.Length + 1));
        var left = new SentimentAccumulator();
        var right = new SentimentAccumulator();
        var whole = new SentimentAccumulator();
        left.AddRange(compounds.AsSpan(0, at));
        right.AddRange(compounds.AsSpan(at));
        whole.AddRange(compounds);
        left.Merge(right);
        SentimentSummary a = left.ToResult();
        SentimentSummary b = whole.ToResult();
        return a.Positive == b.Positive && a.Neutral == b.Neutral && a.Negative == b.Negative
            && (a.MeanCompound is null ? b.MeanCompound is null : Math.Abs(a.MeanCompound.Value - b.MeanCompound!.Value) < 1e-9)
            && a.NetSentiment == b.NetSentiment;
    }

    [Property]
    public bool Net_sentiment_interval_contains_its_estimate_and_stays_in_range(byte positive, byte neutral, byte negative)
    {
        var acc = new SentimentAccumulator();
        for (int i = 0; i < positive; i++)
        {
            acc.Add(0.5);
        }

        for (int i = 0; i < neutral; i++)
        {
            acc.Add(0);
        }

        for (int i = 0; i < negative; i++)
        {
            acc.Add(-0.5);
        }

        SentimentSummary s = acc.ToResult();
        return s.Count == 0
            ? s.NetSentiment is null
            : s.NetSentimentConfidenceInterval!.Value.Lower >= -100 && s.NetSentimentConfidenceInterval.Value.Upper <= 100
              && s.NetSentiment >= -100 && s.NetSentiment <= 100;
    }

    [Fact]
    public void Segments_by_channel_merge_into_the_overall_result()
    {
        var scorer = new LexiconSentimentScorer();
        var byChannel = new SegmentedAccumulator<string, SentimentAccumulator>(new SentimentAccumulator());
        (string Channel, string Text)[] messages =
        [
            ("chat", "Thanks, that fixed it!"), ("chat", "Still waiting for my refund"), ("sms", "Gracias, todo perfecto"),
            ("sms", "Sigo esperando"), ("email", "Please find attached the invoice."),
        ];
        foreach ((string channel, string text) in messages)
        {
            byChannel.Add(channel, scorer.Score(text), static (acc, score) => acc.Add(score));
        }

        Assert.Equal(2, byChannel.Groups["chat"].Count);
        SentimentSummary overall = byChannel.ToOverall().ToResult();
        Assert.Equal(5, overall.Count);
        Assert.Equal((2L, 1L, 2L), (overall.Positive, overall.Neutral, overall.Negative));

        // A rejected score creates no segment.
        Assert.ThrowsAny<ArgumentException>(() => byChannel.Add("voice", double.NaN, static (acc, c) => acc.Add(c)));
        Assert.False(byChannel.Groups.ContainsKey("voice"));
    }

    [Fact]
    public void Shift_is_last_third_minus_first_third()
    {
        // n = 7 -> k = 2: opening mean (-0.6 + -0.4)/2 = -0.5; closing mean (0.3 + 0.5)/2 = 0.4; shift 0.9
        SentimentShiftResult r = SentimentShift.Calculate([-0.6, -0.4, 0.0, 0.1, 0.2, 0.3, 0.5]);
        Assert.Equal(7, r.MessageCount);
        Assert.Equal(-0.5, r.OpeningMean!.Value, 12);
        Assert.Equal(0.4, r.ClosingMean!.Value, 12);
        Assert.Equal(0.9, r.Shift!.Value, 12);

        // n = 2 -> k = 1: first vs last.
        Assert.Equal(-1.0, SentimentShift.Calculate([0.5, -0.5]).Shift!.Value, 12);
        Assert.Null(SentimentShift.Calculate([0.5]).Shift);
        Assert.Null(SentimentShift.Calculate(ReadOnlySpan<double>.Empty).Shift);
        var e = Assert.Throws<ArgumentOutOfRangeException>("compounds", () => SentimentShift.Calculate([0.1, 2.0]));
        Assert.Contains("compounds[1]", e.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Shift_is_bounded_and_antisymmetric_under_reversal(int[] raw)
    {
        double[] c = Array.ConvertAll(raw ?? [], x => (x % 1001) / 1000.0);
        double[] reversed = c.Reverse().ToArray();
        SentimentShiftResult a = SentimentShift.Calculate(c);
        SentimentShiftResult b = SentimentShift.Calculate(reversed);
        return c.Length < 2
            ? a.Shift is null
            : a.Shift >= -2 && a.Shift <= 2 && Math.Abs(a.Shift!.Value + b.Shift!.Value) < 1e-12;
    }

    [Fact]
    public void Shift_from_scores_matches_shift_from_compounds()
    {
        var scorer = new LexiconSentimentScorer();
        SentimentScore[] scores = new[] { "This is terrible", "Still waiting", "ok", "Thanks, that fixed it!" }.Select(t => scorer.Score(t)).ToArray();
        Assert.Equal(SentimentShift.Calculate(scores.Select(s => s.Compound).ToArray()), SentimentShift.Calculate(scores));
        Assert.True(SentimentShift.Calculate(scores).Shift > 0);
    }
}

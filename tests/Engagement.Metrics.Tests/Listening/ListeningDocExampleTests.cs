using Engagement.Metrics.Listening;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Tests.Listening;

/// <summary>The worked examples of docs/metrics/listening.md.</summary>
public class ListeningDocExampleTests
{
    [Fact]
    public void TrendingExample_RefundRises_LoginNotSignificant_DeliveryFell()
    {
        var baseline = new TermCountAccumulator();
        var current = new TermCountAccumulator();
        Add(baseline, "refund", 4);
        Add(baseline, "login", 4);
        Add(baseline, "delivery", 1992);
        Add(current, "refund", 30);
        Add(current, "login", 6);
        Add(current, "delivery", 1464);
        Assert.Equal(2000, baseline.TotalOccurrences(1));
        Assert.Equal(1500, current.TotalOccurrences(1));

        TrendingTerm refund = Assert.Single(TrendingThemes.Detect(baseline, current));

        // G² from mpmath at 30 digits: 30.9651654306; p-value 2.62701e-8.
        Assert.Equal("refund", refund.Term);
        Assert.Equal(30.9651654306, refund.LogLikelihood, 1e-9);
        Assert.Equal(2.62701e-8, refund.PValue, 1e-12);
        Assert.Equal(20.0, refund.CurrentPerThousand!.Value, 12);
        Assert.Equal(2.0, refund.BaselinePerThousand!.Value, 12);
        Assert.Equal(1.18770601238, TrendingThemes.LogLikelihood(6, 4, 1500, 2000), 1e-9);
    }

    [Fact]
    public void ShareOfVoiceExample()
    {
        var acc = new ShareOfVoiceAccumulator(ShareOfVoiceTests.Brands);
        foreach (string text in new[] { "ACMÉ is down again", "@acme why no refund?", "acmecorp is a different firm", "Switched from AcmeBank to Globex", "banco   sol has better rates", "no brand here" })
        {
            acc.Add(text);
        }

        ShareOfVoiceResult r = acc.ToResult();
        Assert.Equal(6, r.Mentions);
        Assert.Equal(2, r.Unattributed);
        Assert.Equal(0.6, r.Brands[0].Share.Value!.Value, 12);
        Assert.Equal(0.2, r.Brands[1].Share.Value!.Value, 12);
        Assert.Equal(0.2, r.Brands[2].Share.Value!.Value, 12);
        Interval ci = r.Brands[0].Share.ConfidenceInterval!.Value;
        Assert.Equal(0.230724, ci.Lower, 5);
        Assert.Equal(0.882379, ci.Upper, 5);
    }

    private static void Add(TermCountAccumulator acc, string word, int times)
    {
        for (int i = 0; i < times; i++)
        {
            acc.Add(word);
        }
    }
}

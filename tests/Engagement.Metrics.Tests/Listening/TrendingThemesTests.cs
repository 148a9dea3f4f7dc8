using Engagement.Metrics.Listening;

namespace Engagement.Metrics.Tests.Listening;

public class TrendingThemesTests
{
    // Reference values: G² = 2 Σ O ln(O/E) over the four cells of (a, c − a; b, d − b), evaluated with mpmath at
    // 40 significant digits (Dunning 1993, Computational Linguistics 19(1), eq. for −2 log λ of two binomials).
    [Theory]
    [InlineData(42, 5, 1000, 1200, 41.235300571728060599)]
    [InlineData(10, 0, 500, 800, 19.234454651668255214)]
    [InlineData(3, 30, 2000, 2000, 25.825498980798124478)]
    [InlineData(110, 9, 34000, 41000, 121.31221916135861298)]
    [InlineData(1, 1, 2, 2, 0.0)]
    public void LogLikelihood_MatchesMpmath(long a, long b, long c, long d, double expected)
    {
        Assert.Equal(expected, TrendingThemes.LogLikelihood(a, b, c, d), 1e-9);
    }

    [Fact]
    public void LogLikelihood_IsSymmetricInThePeriods_AndZeroForEqualRates()
    {
        Assert.Equal(TrendingThemes.LogLikelihood(42, 5, 1000, 1200), TrendingThemes.LogLikelihood(5, 42, 1200, 1000), 1e-9);
        Assert.Equal(0, TrendingThemes.LogLikelihood(10, 20, 1000, 2000), 1e-9);
        Assert.Equal(0, TrendingThemes.LogLikelihood(0, 0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendingThemes.LogLikelihood(11, 0, 10, 10));
    }

    [Fact]
    public void RefundAndOutageSpikes_StandOut_StableThemesDoNot()
    {
        (TermCountAccumulator baseline, TermCountAccumulator current) = SpikeExample();

        IReadOnlyList<TrendingTerm> trending = TrendingThemes.Detect(baseline, current);
        string[] terms = trending.Select(t => t.Term).ToArray();

        Assert.Contains("refund", terms);
        Assert.Contains("caida del servicio", terms);
        Assert.DoesNotContain("delivery", terms);
        Assert.DoesNotContain("entrega", terms);
        Assert.All(trending, t => Assert.True(t.LogLikelihood >= 10.83 && t.CurrentCount >= 5 && t.RateRatio is null or > 1));
        Assert.Equal(trending.OrderByDescending(t => t.LogLikelihood).Select(t => t.Term), terms);

        TrendingTerm refund = trending.Single(t => t.Term == "refund");
        Assert.Equal(TrendingThemes.LogLikelihood(refund.CurrentCount, refund.BaselineCount, current.TotalOccurrences(1), baseline.TotalOccurrences(1)), refund.LogLikelihood);
        Assert.True(refund.PValue < 0.001);
    }

    [Fact]
    public void FallingTerms_AreNotReported_AndEmptyBaselineReportsNothing()
    {
        (TermCountAccumulator baseline, TermCountAccumulator current) = SpikeExample();
        Assert.DoesNotContain(TrendingThemes.Detect(current, baseline), t => t.Term == "refund");
        Assert.Empty(TrendingThemes.Detect(new TermCountAccumulator(), current));
        Assert.Throws<ArgumentException>(() => TrendingThemes.Detect(baseline, current, new TrendingOptions { MinimumCount = 0 }));
    }

    [Fact]
    public void ThresholdAndMinimumCount_AreRespected()
    {
        (TermCountAccumulator baseline, TermCountAccumulator current) = SpikeExample();
        IReadOnlyList<TrendingTerm> loose = TrendingThemes.Detect(baseline, current, new TrendingOptions { Threshold = 3.84, MinimumCount = 1 });
        IReadOnlyList<TrendingTerm> strict = TrendingThemes.Detect(baseline, current);
        Assert.True(loose.Count >= strict.Count);
        Assert.All(strict, t => Assert.Contains(loose, l => l.Term == t.Term));
    }

    // A baseline week of everyday messages and a current week where refunds and an outage surge.
    internal static (TermCountAccumulator Baseline, TermCountAccumulator Current) SpikeExample()
    {
        string[] everyday =
        [
            "Delivery arrived on time, thanks",
            "La entrega llegó tarde otra vez",
            "How do I change my delivery address?",
            "Me encanta la nueva app",
            "The app keeps asking me to log in",
            "¿Cuándo llega mi pedido?",
            "Great support from Ana today",
            "Problema con la factura de octubre",
        ];
        var baseline = new TermCountAccumulator();
        var current = new TermCountAccumulator();
        var random = new Random(12);
        for (int i = 0; i < 400; i++)
        {
            baseline.Add(everyday[random.Next(everyday.Length)]);
            current.Add(everyday[random.Next(everyday.Length)]);
        }

        baseline.Add("I asked for a refund last month");
        for (int i = 0; i < 40; i++)
        {
            current.Add(i % 2 == 0 ? "Still waiting for my refund!" : "Otra caída del servicio, no puedo entrar");
        }

        return (baseline, current);
    }
}

using Engagement.Metrics.Retention;
using Engagement.Metrics.Tests.Statistics;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Retention;

public class KaplanMeierTests
{
    // Hand-worked example (docs/metrics/churn.md), ten customers, days to churn; + = still active (censored):
    //   group A: 2, 3, 3, 3+, 5      group B: 5, 7+, 8, 8+, 10
    // t   n  d  c   Ŝ(t)                        Greenwood Σ d/(n(n−d))
    // 2  10  1  0   9/10          = 0.9          1/90
    // 3   9  2  1   0.9·7/9       = 0.7          + 2/63
    // 5   6  2  0   0.7·4/6       = 0.46667      + 2/24     → SE = 0.46667·√0.126190 = 0.165775
    // 7   4  0  1   0.46667 (censoring only)
    // 8   3  1  1   0.46667·2/3   = 0.31111
    // 10  1  1  0   0
    // Median = 5 (first Ŝ ≤ 0.5). Log-log 95 % bands (python3, lifelines/R survfit conf.type="log-log" formula):
    // t=2 [0.473009, 0.985281], t=3 [0.328717, 0.891949], t=5 [0.149552, 0.736610], t=8 [0.055239, 0.624540].
    internal static readonly int[] Durations = [2, 3, 3, 3, 5, 5, 7, 8, 8, 10];
    internal static readonly bool[] Observed = [true, true, true, false, true, true, false, true, false, true];

    [Fact]
    public void Estimate_HandWorkedExample()
    {
        KaplanMeierCurve c = KaplanMeier.Estimate(Durations, Observed);

        Assert.Equal([2, 3, 5, 7, 8, 10], c.Points.Select(p => p.Time));
        Assert.Equal([10L, 9, 6, 4, 3, 1], c.Points.Select(p => p.AtRisk));
        Assert.Equal([1L, 2, 2, 0, 1, 1], c.Points.Select(p => p.Events));
        Assert.Equal([0L, 1, 0, 1, 1, 0], c.Points.Select(p => p.Censored));
        double[] survival = [0.9, 0.7, 7.0 / 15, 7.0 / 15, 14.0 / 45, 0];
        double[] lower = [0.473009271362, 0.328716593280, 0.149551818090, 0.149551818090, 0.055238904879];
        double[] upper = [0.985281393367, 0.891949041225, 0.736610236678, 0.736610236678, 0.624540487460];
        for (int i = 0; i < 5; i++)
        {
            NumericAssert.Close(survival[i], c.Points[i].Survival, 1e-14);
            NumericAssert.Close(lower[i], c.Points[i].Lower!.Value, 1e-10);
            NumericAssert.Close(upper[i], c.Points[i].Upper!.Value, 1e-10);
        }

        NumericAssert.Close(0.165775394681, c.Points[2].StandardError!.Value, 1e-10);
        Assert.Equal(0, c.Points[5].Survival);
        Assert.Null(c.Points[5].Lower);
        Assert.Equal(5, c.MedianSurvivalTime);
        Assert.Equal(7, c.Events);
        Assert.Equal(10, c.Count);
        Assert.Equal(1, c.Survival(1));
        Assert.Equal(0.7, c.Survival(4), 14);
    }

    [Fact]
    public void Estimate_FromCustomerRecords_CensorsAtAsOf()
    {
        var start = new DateOnly(2025, 1, 1);
        CustomerRecord[] customers = Durations.Select((d, i) => new CustomerRecord(
            "c" + i, start, Observed[i] ? start.AddDays(d) : start.AddDays(d + 100))).ToArray();
        // Censored customers end after the as-of date, so their known duration is as-of − start; set as-of so that
        // each censored one is cut at its listed time by giving them later starts instead.
        for (int i = 0; i < customers.Length; i++)
        {
            if (!Observed[i])
            {
                DateOnly s = new DateOnly(2025, 3, 1).AddDays(-Durations[i]);
                customers[i] = new CustomerRecord("c" + i, s, null);
            }
        }

        KaplanMeierCurve c = KaplanMeier.Estimate(customers, new DateOnly(2025, 3, 1));
        Assert.Equal(KaplanMeier.Estimate(Durations, Observed).Points, c.Points);
    }

    [Fact]
    public void Empty_GivesEmptyCurve()
    {
        KaplanMeierCurve c = KaplanMeier.Estimate([], []);
        Assert.Empty(c.Points);
        Assert.Null(c.MedianSurvivalTime);
        Assert.Equal(1, c.Survival(10));
    }

    [Property]
    public bool Curve_IsMonotoneAndBandsContainEstimate(int[] raw)
    {
        CustomerRecord[] records = RetentionData.FromInts(raw);
        KaplanMeierCurve c = KaplanMeier.Estimate(records, new DateOnly(2026, 1, 1));
        double previous = 1;
        foreach (SurvivalPoint p in c.Points)
        {
            if (p.Survival > previous || p.Survival < 0 || (p.Lower is double lo && (lo > p.Survival + 1e-15 || p.Upper < p.Survival - 1e-15)))
            {
                return false;
            }

            previous = p.Survival;
        }

        return c.Points.Sum(p => p.Events + p.Censored) == records.Length;
    }

    // Without censoring Ŝ(t) is the empirical survival function: the share of durations greater than t.
    [Property]
    public bool WithoutCensoring_EqualsEmpiricalSurvival(int[] raw)
    {
        raw ??= [];
        int[] durations = raw.Select(x => Math.Abs(x % 30)).ToArray();
        KaplanMeierCurve c = KaplanMeier.Estimate(durations, durations.Select(_ => true).ToArray());
        for (int t = -1; t <= 30; t++)
        {
            double empirical = durations.Length == 0 ? 1 : durations.Count(d => d > t) / (double)durations.Length;
            if (Math.Abs(c.Survival(t) - empirical) > 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    // Large times take the sorting path; shifting every time by a constant must give the same steps.
    [Property]
    public bool SortPath_EqualsTablePath(int[] raw)
    {
        raw ??= [];
        int[] durations = raw.Select(x => Math.Abs(x % 50)).ToArray();
        bool[] observed = raw.Select(x => x % 3 != 0).ToArray();
        const int Shift = 1_000_000_000;
        KaplanMeierCurve table = KaplanMeier.Estimate(durations, observed);
        KaplanMeierCurve sorted = KaplanMeier.Estimate(durations.Select(d => d + Shift).ToArray(), observed);
        return table.Points.Select(p => (p.Time + Shift, p.AtRisk, p.Events, p.Survival))
            .SequenceEqual(sorted.Points.Select(p => (p.Time, p.AtRisk, p.Events, p.Survival)));
    }

    [Fact]
    public void BadInput_NamesPosition()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate([3, -2], [true, true]));
        Assert.Contains("durations[1] is -2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([3, 2], [true]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([new CustomerRecord("late", new DateOnly(2025, 5, 1))], new DateOnly(2025, 4, 1)));
    }
}

using Engagement.Metrics.Retention;
using Engagement.Metrics.Statistics;
using FsCheck.Xunit;
using static Engagement.Metrics.Tests.Retention.RetentionData;

namespace Engagement.Metrics.Tests.Retention;

public class ChurnTests
{
    // docs/metrics/churn.md worked example, by hand: S = {a, b, c} = 3; L_S = {b} = 1; N = {d, e, h} = 3;
    // acquired and lost = {e, h} = 2; E = 3 − 1 + 3 − 2 = 3 ({a, c, d}; c leaves on Feb 1, the day after the period).
    // Customer-days in January: a 31, b 9 (Jan 1–9), c 31, d 31, e 5 (Jan 20–24), h 0 → D = 107.
    [Fact]
    public void Calculate_WorkedExample_MatchesHandCount()
    {
        ChurnResult r = Churn.Calculate(January(), Jan1, Feb1);

        Assert.Equal(3, r.StartCustomers);
        Assert.Equal(1, r.LostFromStart);
        Assert.Equal(3, r.Acquired);
        Assert.Equal(2, r.LostFromAcquired);
        Assert.Equal(3, r.Lost);
        Assert.Equal(3, r.EndCustomers);
        Assert.Equal(107, r.CustomerDays);
        Assert.Equal(31, r.Days);
        Assert.Equal(1.0 / 3, r.Rate!.Value, 15);
        Assert.Equal(1.0, r.AdjustedRate!.Value, 15);
        Assert.Equal(3.0 / 107, r.DailyRate!.Value, 15);
        Assert.Equal(1 - Math.Pow(1 - (3.0 / 107), 31), r.PredictiveRate!.Value, 12);
        Assert.Equal(2.0 / 3, r.RetentionRate!.Value, 15);
        Assert.Equal(0.0, r.CustomerRetentionRate!.Value, 15);
    }

    [Fact]
    public void Segments_by_any_key_merge_back_into_the_whole_period()
    {
        // Churn segments like every other accumulator: split the worked example in two segments, merge, compare.
        CustomerRecord[] customers = January();
        var segments = new Engagement.Metrics.Surveys.SegmentedAccumulator<bool, ChurnAccumulator>(new ChurnAccumulator(Jan1, Feb1));
        for (int i = 0; i < customers.Length; i++)
        {
            segments.Add(i % 2 == 0, customers[i], static (accumulator, c) => accumulator.Add(c));
        }

        ChurnResult whole = Churn.Calculate(customers, Jan1, Feb1);
        Assert.Equal(whole, segments.ToOverall().ToResult());
        Assert.Equal(whole.StartCustomers + whole.Acquired, segments.ToOverall().Count);
    }

    // Counts example of docs/metrics/churn.md: S = 200, 10 of them lost, 50 acquired of whom 5 lost → E = 235.
    [Fact]
    public void FromCounts_DocExample()
    {
        Assert.Equal(0.05, Churn.Simple(200, 10)!.Value, 15);
        Assert.Equal(15 / 217.5, Churn.Adjusted(200, 235, 15)!.Value, 15);
        Assert.Equal(0.925, Churn.CustomerRetentionRate(200, 235, 50)!.Value, 15);
    }

    [Fact]
    public void SimpleRates_PerPeriod()
    {
        Assert.Equal([0.05, null, 0.25], Churn.SimpleRates([200, 0, 8], [10, 0, 2]));
        Assert.Empty(Churn.SimpleRates([], []));
    }

    [Fact]
    public void SimpleRates_LostAboveStart_NamesPeriodAndValues()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Churn.SimpleRates([200, 50], [10, 51]));
        Assert.Contains("lost[1] is 51, more than startCustomers[1] = 50", e.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Churn.SimpleRates([200, -3], [10, 0]));
        Assert.Contains("startCustomers[1] is -3", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Churn.SimpleRates([1, 2], [1]));
    }

    [Fact]
    public void Empty_GivesNullRatesNotZero()
    {
        ChurnResult r = Churn.Calculate([], Jan1, Feb1, ChurnMethod.Predictive);
        Assert.Equal(0, r.StartCustomers);
        Assert.Null(r.Rate);
        Assert.Null(r.SimpleRate);
        Assert.Null(r.AdjustedRate);
        Assert.Null(r.CustomerRetentionRate);
        Assert.Null(r.StandardError);
        Assert.Null(r.ConfidenceInterval());
        Assert.Null(Churn.Simple(0, 0));
    }

    [Theory]
    [InlineData(0.02, 12, 0.21528327627)] // 1 − 0.98^12 (python3)
    [InlineData(0.05, 12, 0.45963991233)]
    [InlineData(0.5, 1.0 / 12, 0.05612568732)] // annual 50 % → monthly 1 − 0.5^(1/12)
    [InlineData(0, 12, 0)]
    [InlineData(1, 12, 1)]
    public void ConvertRate_CompoundsPerPeriod(double rate, double periods, double expected) =>
        Assert.Equal(expected, Churn.ConvertRate(rate, periods), 10);

    [Property]
    public bool ConvertRate_RoundTrips_ForRatesUpTo50PercentAndYear(byte percent, byte months)
    {
        double m = percent % 50 / 100.0;
        double k = 1 + (months % 12);
        return Math.Abs(Churn.ConvertRate(Churn.ConvertRate(m, k), 1 / k) - m) < 1e-12;
    }

    [Fact]
    public void SimpleChurn_HasWilsonInterval()
    {
        ChurnResult r = new(ChurnMethod.Simple, Jan1, Feb1, 200, 50, 10, 5, 6000);
        Assert.Equal(ConfidenceIntervals.Wilson(10, 200, 0.9), r.ConfidenceInterval(0.9));
        Assert.Equal(Math.Sqrt(0.05 * 0.95 / 200), r.StandardError!.Value, 15);
        Assert.Null(r.WithMethod(ChurnMethod.Adjusted).ConfidenceInterval());
        Interval predictive = r.WithMethod(ChurnMethod.Predictive).ConfidenceInterval()!.Value;
        Assert.InRange(r.WithMethod(ChurnMethod.Predictive).Rate!.Value, predictive.Lower, predictive.Upper);
    }

    [Property]
    public bool Counts_AreConsistent(int[] raw)
    {
        ChurnResult r = Churn.Calculate(FromInts(raw), new DateOnly(2024, 9, 1), new DateOnly(2024, 12, 1));
        return r.EndCustomers >= 0 && r.LostFromStart <= r.StartCustomers && r.LostFromAcquired <= r.Acquired &&
            r.SimpleRate is null or (>= 0 and <= 1) && r.PredictiveRate is null or (>= 0 and <= 1) &&
            r.CustomerRetentionRate is null or (>= 0 and <= 1) && r.CustomerDays <= (r.StartCustomers + r.Acquired) * r.Days;
    }

    [Property]
    public bool EndCustomers_AreThoseActiveOnTheLastDay(int[] raw)
    {
        CustomerRecord[] records = FromInts(raw);
        DateOnly from = new(2024, 9, 1), to = new(2024, 12, 1);
        int activeLastDay = records.Count(c => c.IsActiveOn(to.AddDays(-1)));
        return Churn.Calculate(records, from, to).EndCustomers == activeLastDay;
    }

    [Property]
    public bool Calculate_IsPermutationInvariant(int[] raw, int seed)
    {
        CustomerRecord[] records = FromInts(raw);
        CustomerRecord[] shuffled = (CustomerRecord[])records.Clone();
        new Random(seed).Shuffle(shuffled);
        return Churn.Calculate(records, Jan1, Feb1) == Churn.Calculate(shuffled, Jan1, Feb1);
    }

    [Property]
    public bool Accumulator_MergeOfSplit_EqualsWhole(int[] raw, byte split)
    {
        CustomerRecord[] records = FromInts(raw);
        int k = records.Length == 0 ? 0 : split % (records.Length + 1);
        DateOnly from = new(2024, 6, 1), to = new(2025, 6, 1);
        var left = new ChurnAccumulator(from, to);
        left.AddRange(records.AsSpan(0, k));
        var right = new ChurnAccumulator(from, to);
        foreach (CustomerRecord c in records.AsSpan(k))
        {
            right.Add(c);
        }

        left.Merge(right);
        return left.ToResult(ChurnMethod.Adjusted) == Churn.Calculate(records, from, to, ChurnMethod.Adjusted);
    }

    [Fact]
    public void EndBeforeStart_NamesTheCustomer()
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerRecord("cust-42", new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1)));
        Assert.Contains("cust-42", e.Message, StringComparison.Ordinal);
        Assert.Contains("2025-02-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LostMoreThanStart_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Simple(10, 11));
        Assert.Equal("lost", e.ParamName);
        Assert.Contains("11", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Adjusted(-1, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.CustomerRetentionRate(10, 5, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.CustomerRetentionRate(10, 30, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnResult(ChurnMethod.Simple, Jan1, Feb1, 5, 0, 6, 0, 0));
    }

    [Fact]
    public void BadPeriod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.Calculate([], Feb1, Jan1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Churn.ConvertRate(1.5, 12));
        Assert.Throws<ArgumentException>(() => new ChurnAccumulator(Jan1, Feb1).Merge(new ChurnAccumulator(Jan1, Feb1.AddDays(1))));
    }

    [Fact]
    public void Accumulator_RestoresFromState()
    {
        var a = new ChurnAccumulator(Jan1, Feb1);
        a.AddRange(January());
        var b = new ChurnAccumulator(a.From, a.To, a.StartCustomers, a.Acquired, a.LostFromStart, a.LostFromAcquired, a.CustomerDays);
        Assert.Equal(a.ToResult(), b.ToResult());
    }
}

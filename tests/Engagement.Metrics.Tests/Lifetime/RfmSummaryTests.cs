using System.Globalization;
using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Tests.Statistics;

namespace Engagement.Metrics.Tests.Lifetime;

public class RfmSummaryTests
{
    private static readonly DateOnly CdnowCalibrationEnd = new(1997, 9, 30);

    /// <summary>CDNOW_sample.txt: master id, sample id, yyyymmdd, CDs, dollars; the sample id is the customer.</summary>
    internal static CustomerTransaction[] CdnowTransactions()
    {
        var rows = new List<CustomerTransaction>();
        foreach (string line in File.ReadLines(LifetimeData.PathOf("CDNOW_sample.txt")))
        {
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5)
            {
                continue;
            }

            var date = DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            rows.Add(new CustomerTransaction(int.Parse(f[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), date, double.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return [.. rows];
    }

    // cdnow-transactions README: collapsing the sample into weekly RFM (observation end 1997-09-30, one purchase per
    // day, days/7) reproduces lifetimes' cdnow_customers_summary(.._with_transactions).csv, whose times and z̄ are
    // rounded to 2 decimals: we match every row to half a unit in the last place (0.005).
    [Fact]
    public void Cdnow_sample_reproduces_the_published_weekly_summary()
    {
        RfmRecord[] summary = RfmSummary.FromTransactions(CdnowTransactions(), CdnowCalibrationEnd, new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks });
        RfmRecord[] published = LifetimeData.CdnowSummary;
        Assert.Equal(published.Length, summary.Length);
        var byId = summary.ToDictionary(r => r.CustomerId, StringComparer.Ordinal);
        foreach (RfmRecord expected in published)
        {
            RfmRecord actual = byId[expected.CustomerId];
            Assert.Equal(expected.Frequency, actual.Frequency);
            NumericAssert.Close(expected.Recency, actual.Recency, 0, 0.005 + 1e-9);
            NumericAssert.Close(expected.Age, actual.Age, 0, 0.005 + 1e-9);
            NumericAssert.Close(expected.MonetaryValue, actual.MonetaryValue, 0, 0.005 + 1e-9);
        }

        // First row, unrounded (README): frequency 2, recency 30.428571, T 38.857143.
        NumericAssert.Close(30.428571, byId["1"].Recency, 0, 1e-6);
        NumericAssert.Close(38.857143, byId["1"].Age, 0, 1e-6);
    }

    // lifetimes test_summary_statistics_are_indentical_to_hardies_paper_confirming_correct_aggregations (FHL 2005 JMR):
    // repeat buyers' mean spend: count 946, mean 35.078, std 30.284, min 2.99, median 27.50, max 299.63 (values to 2 decimals
    // from the README; the test asserts the rounded 946, 35, 30, 3, 27, 300).
    [Fact]
    public void Cdnow_repeat_spend_statistics_match_the_JMR_paper()
    {
        RfmRecord[] summary = RfmSummary.FromTransactions(CdnowTransactions(), CdnowCalibrationEnd, new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks });
        double[] spend = summary.Where(r => r.Frequency > 0).Select(r => r.MonetaryValue).Order().ToArray();
        Assert.Equal(946, spend.Length);
        double mean = spend.Average();
        double sd = Math.Sqrt(spend.Sum(s => (s - mean) * (s - mean)) / (spend.Length - 1));
        NumericAssert.Close(35.078, mean, 0, 0.0005);
        NumericAssert.Close(30.284, sd, 0, 0.0005);
        NumericAssert.Close(2.99, spend[0], 0, 0.005);
        NumericAssert.Close(27.50, (spend[472] + spend[473]) / 2, 0, 0.005);
        NumericAssert.Close(299.63, spend[^1], 0, 0.005);
    }

    /// <summary>example_transactions.csv: "date,id" with dates "yyyy-mm-dd 00:00:00".</summary>
    internal static CustomerTransaction[] ExampleTransactions() =>
        File.ReadLines(LifetimeData.PathOf("example_transactions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new CustomerTransaction(f[1], DateOnly.ParseExact(f[0][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), 1))
            .ToArray();

    // lifetimes-example-transactions README (lifetimes test_utils.py and Quickstart): daily RFM to the last date
    // 2014-12-31; the first five customers are (0,0,298), (0,0,224), (6,142,292), (0,0,147), (2,9,183). Exact.
    [Fact]
    public void Example_transactions_first_five_customers_match_lifetimes()
    {
        RfmRecord[] summary = RfmSummary.FromTransactions(ExampleTransactions(), new DateOnly(2014, 12, 31));
        var byId = summary.ToDictionary(r => r.CustomerId, StringComparer.Ordinal);
        (int X, double Tx, double T)[] expected = [(0, 0, 298), (0, 0, 224), (6, 142, 292), (0, 0, 147), (2, 9, 183)];
        for (int i = 0; i < 5; i++)
        {
            RfmRecord r = byId[i.ToString(CultureInfo.InvariantCulture)];
            Assert.Equal(expected[i], (r.Frequency, r.Recency, r.Age));
        }
    }

    [Fact]
    public void Same_day_purchases_collapse_and_their_amounts_add_up()
    {
        CustomerTransaction[] log =
        [
            new("a", new DateOnly(2024, 1, 1), 10),
            new("a", new DateOnly(2024, 1, 8), 5),
            new("a", new DateOnly(2024, 1, 8), 7),
            new("a", new DateOnly(2024, 1, 15), 30),
            new("b", new DateOnly(2024, 1, 10), 99),
            new("c", new DateOnly(2024, 2, 10), 1),
        ];
        RfmRecord[] rows = RfmSummary.FromTransactions(log, new DateOnly(2024, 1, 31));
        Assert.Equal(2, rows.Length); // c bought after the observation end
        Assert.Equal(new RfmRecord("a", 2, 14, 30, 21), rows[0]);
        Assert.Equal(new RfmRecord("b", 0, 0, 21, 0), rows[1]);
    }

    [Fact]
    public void Timestamps_use_the_date_of_their_own_offset()
    {
        var late = new DateTimeOffset(2024, 1, 1, 23, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateOnly(2024, 1, 1), new CustomerTransaction("a", late, 1).Date);
    }

    [Fact]
    public void Empty_log_gives_no_rows() =>
        Assert.Empty(RfmSummary.FromTransactions([], new DateOnly(2024, 1, 1)));

    [Fact]
    public void Bad_transactions_are_named()
    {
        CustomerTransaction[] log = [new("a", new DateOnly(2024, 1, 1), 1), new("b", new DateOnly(2024, 1, 2), double.NaN)];
        var e = Assert.Throws<ArgumentException>(() => RfmSummary.FromTransactions(log, new DateOnly(2024, 2, 1)));
        Assert.Contains("[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RfmSummary.FromTransactions([new(string.Empty, new DateOnly(2024, 1, 1), 1)], new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void Calibration_and_holdout_split_counts_holdout_purchase_days()
    {
        CustomerTransaction[] log =
        [
            new("a", new DateOnly(2024, 1, 1), 10),
            new("a", new DateOnly(2024, 1, 20), 20),
            new("a", new DateOnly(2024, 2, 5), 4),
            new("a", new DateOnly(2024, 2, 5), 6),
            new("a", new DateOnly(2024, 2, 9), 30),
            new("b", new DateOnly(2024, 2, 2), 5), // first purchase in the holdout: not a calibration customer
        ];
        CalibrationHoldoutSummary split = RfmSummary.CalibrationAndHoldout(log, new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29));
        Assert.Equal([new RfmRecord("a", 1, 19, 30, 20)], split.Calibration.ToArray());
        Assert.Equal([2], split.HoldoutPurchases.ToArray());
        Assert.Equal([20.0], split.HoldoutMonetaryValue.ToArray());
        Assert.Equal(29, split.HoldoutDuration);
        Assert.Throws<ArgumentException>(() => RfmSummary.CalibrationAndHoldout(log, new DateOnly(2024, 1, 31), new DateOnly(2024, 1, 31)));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool Summary_does_not_depend_on_transaction_order(int seed)
    {
        var random = new Random(seed);
        var log = new CustomerTransaction[40];
        for (int i = 0; i < log.Length; i++)
        {
            log[i] = new CustomerTransaction(random.Next(5).ToString(CultureInfo.InvariantCulture), new DateOnly(2024, 1, 1).AddDays(random.Next(60)), random.Next(1, 50));
        }

        var shuffled = log.OrderBy(_ => random.Next()).ToArray();
        var end = new DateOnly(2024, 2, 15);
        var a = RfmSummary.FromTransactions(log, end).OrderBy(r => r.CustomerId, StringComparer.Ordinal);
        var b = RfmSummary.FromTransactions(shuffled, end).OrderBy(r => r.CustomerId, StringComparer.Ordinal);

        // Amounts summed in another order may differ in the last bit.
        return a.Zip(b).All(p => p.First.Frequency == p.Second.Frequency && p.First.Recency == p.Second.Recency && p.First.Age == p.Second.Age && Math.Abs(p.First.MonetaryValue - p.Second.MonetaryValue) < 1e-9)
            && a.Count() == b.Count();
    }
}

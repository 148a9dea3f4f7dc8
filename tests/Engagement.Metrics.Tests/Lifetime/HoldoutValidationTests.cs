using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Tests.Statistics;

namespace Engagement.Metrics.Tests.Lifetime;

public class HoldoutValidationTests
{
    [Fact]
    public void Cdnow_weeks_40_to_78_buckets_add_up_to_the_totals()
    {
        CalibrationHoldoutSummary split = RfmSummary.CalibrationAndHoldout(
            RfmSummaryTests.CdnowTransactions(), new DateOnly(1997, 9, 30), new DateOnly(1998, 6, 30), new RfmSummaryOptions { TimeUnit = RfmTimeUnit.Weeks });
        Assert.Equal(2357, split.Calibration.Length);
        NumericAssert.Close(39, split.HoldoutDuration, 0, 0.2); // 273 days = 39 weeks
        BgNbdModel model = BgNbd.Fit(split.Calibration.Span);
        HoldoutValidationResult result = HoldoutValidation.Compare(model, split);

        Assert.Equal(2357, result.Customers);
        Assert.Equal(8, result.Buckets.Count);
        Assert.Equal(2357, result.Buckets.Sum(b => b.Customers));
        NumericAssert.Close(result.TotalActual, result.Buckets.Sum(b => b.Customers * (b.MeanActual ?? 0)), 1e-12);
        NumericAssert.Close(result.TotalPredicted, result.Buckets.Sum(b => b.Customers * (b.MeanPredicted ?? 0)), 1e-12);
        Assert.True(result.RootMeanSquaredError >= result.MeanAbsoluteError);

        // Per-customer errors recomputed directly.
        double[] predicted = new double[2357];
        model.ConditionalExpectedPurchases(split.HoldoutDuration, split.Calibration.Span, predicted);
        int[] actual = split.HoldoutPurchases.ToArray();
        NumericAssert.Close(predicted.Zip(actual).Average(p => Math.Abs(p.First - p.Second)), result.MeanAbsoluteError!.Value, 1e-12);

        // Weeks 40–78 hold 1,882 purchase days of the calibration customers (one per customer and day); BG/NBD predicts
        // about 1,653 (documented in docs/metrics/clv.md, not a published reference, so only the count is pinned).
        Assert.Equal(1882, result.TotalActual);
    }

    [Fact]
    public void No_customers_gives_null_errors()
    {
        HoldoutValidationResult result = HoldoutValidation.Compare(new BgNbdModel(1, 2, 3, 4), [], [], 10);
        Assert.Equal(0, result.Customers);
        Assert.Null(result.MeanAbsoluteError);
        Assert.Null(result.RootMeanSquaredError);
        Assert.All(result.Buckets, b => Assert.Null(b.MeanActual));
    }

    [Fact]
    public void Negative_actual_count_is_named()
    {
        var e = Assert.Throws<ArgumentException>(() => HoldoutValidation.Compare(new BgNbdModel(1, 2, 3, 4), [new RfmRecord("z", 0, 0, 5)], [-1], 10));
        Assert.Contains("'z'", e.Message, StringComparison.Ordinal);
    }
}

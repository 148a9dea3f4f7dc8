using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Tests.Statistics;

namespace Engagement.Metrics.Tests.Lifetime;

public class BgNbdTests
{
    private static readonly Lazy<BgNbdModel> Fitted = new(() => BgNbd.Fit(LifetimeData.CdnowSummary));

    // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), section 4:
    // r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 on the 2,357 CDNOW customers. lifetimes asserts 2
    // decimals; we hold the published 3 decimals (half a unit in the last place) and LL to 0.05.
    [Fact]
    public void Cdnow_fit_reproduces_the_paper()
    {
        BgNbdModel m = Fitted.Value;
        Assert.True(m.Diagnostics!.Value.Converged, m.Diagnostics.ToString());
        Assert.Equal(2357, m.Customers);
        NumericAssert.Close(0.243, m.R.Value, 0, 0.0005);
        NumericAssert.Close(4.414, m.Alpha.Value, 0, 0.0005);
        NumericAssert.Close(0.793, m.A.Value, 0, 0.0005);
        NumericAssert.Close(2.426, m.B.Value, 0, 0.0005);
        NumericAssert.Close(-9582.4, m.LogLikelihood, 0, 0.05);
    }

    // lifetimes 0.11.3 on this data (cdnow-summary README): 0.242593, 4.413532, 0.792886, 2.425752, LL −9582.43.
    // Both are maxima of the same likelihood, so they agree to the optimisers' tolerance.
    [Fact]
    public void Cdnow_fit_matches_lifetimes_to_four_figures()
    {
        BgNbdModel m = Fitted.Value;
        NumericAssert.Close(0.242593, m.R.Value, 1e-4);
        NumericAssert.Close(4.413532, m.Alpha.Value, 1e-4);
        NumericAssert.Close(0.792886, m.A.Value, 1e-4);
        NumericAssert.Close(2.425752, m.B.Value, 1e-4);
        NumericAssert.Close(-9582.43, m.LogLikelihood, 0, 0.005);
    }

    // Standard errors reported by lifetimes for the CDNOW fit (cdnow-summary README, "docs only"): 0.012557,
    // 0.378221, 0.185719, 0.705345. Ours come from a finite-difference Hessian of the analytic gradient; 1% relative.
    [Fact]
    public void Cdnow_standard_errors_match_lifetimes()
    {
        BgNbdModel m = Fitted.Value;
        NumericAssert.Close(0.012557, m.R.StandardError!.Value, 0.01);
        NumericAssert.Close(0.378221, m.Alpha.StandardError!.Value, 0.01);
        NumericAssert.Close(0.185719, m.A.StandardError!.Value, 0.01);
        NumericAssert.Close(0.705345, m.B.StandardError!.Value, 0.01);
    }

    // lifetimes test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet: customer 1 (x=2, t_x=30.43,
    // T=38.86), E[Y(39)] = 1.226 with abs tolerance 0.001.
    [Fact]
    public void Customer_one_expected_purchases_in_39_weeks()
    {
        var c = new RfmRecord("1", 2, 30.43, 38.86);
        NumericAssert.Close(1.226, Fitted.Value.ConditionalExpectedPurchases(39, c), 0, 0.001);
    }

    /// <summary>E[X(t)] from Hardie's BG/NBD Excel sheet, as lifetimes' test_expectation_returns_same_value_Hardie_excel_sheet uses it.</summary>
    public static TheoryData<double, double> ExcelSheetExpectedPurchases => new()
    {
        { 0.1429, 0.0078 },
        { 1, 0.0532 },
        { 3, 0.1506 },
        { 31.8571, 1.0405 },
        { 32, 1.0437 },
        { 78, 1.8576 },
    };

    // lifetimes test_expectation_returns_same_value_Hardie_excel_sheet: E[X(t)], decimal=3 (|diff| < 1.5e-3).
    [Theory]
    [MemberData(nameof(ExcelSheetExpectedPurchases))]
    public void Unconditional_expected_purchases_match_the_excel_sheet(double t, double expected) =>
        NumericAssert.Close(expected, Fitted.Value.ExpectedPurchases(t), 0, 0.0015);

    // lifetimes test_probability_of_n_purchases_up_to_time_same_as_R_BTYD, parameters fixed at the paper's values:
    // P(X(39)=0) = 0.5737864 and P(X(2)=10) = 1.07869e-07 (abs 1e-4); n = 11..20 at t = 30 from R BTYD, decimal=5.
    [Theory]
    [InlineData(0, 39, 0.5737864, 1e-4)]
    [InlineData(10, 2, 1.07869e-07, 1e-4)]
    [InlineData(11, 30, 0.0019995214, 1.5e-5)]
    [InlineData(12, 30, 0.0015170236, 1.5e-5)]
    [InlineData(13, 30, 0.0011633150, 1.5e-5)]
    [InlineData(14, 30, 0.0009003148, 1.5e-5)]
    [InlineData(15, 30, 0.0007023638, 1.5e-5)]
    [InlineData(16, 30, 0.0005517902, 1.5e-5)]
    [InlineData(17, 30, 0.0004361913, 1.5e-5)]
    [InlineData(18, 30, 0.0003467171, 1.5e-5)]
    [InlineData(19, 30, 0.0002769613, 1.5e-5)]
    [InlineData(20, 30, 0.0002222260, 1.5e-5)]
    public void Pmf_matches_R_BTYD(int n, double t, double expected, double tolerance)
    {
        var paper = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        NumericAssert.Close(expected, paper.ProbabilityOfPurchases(n, t), 0, tolerance);
    }

    // cdnow-summary README (docs only): the highest E[Y(1)] is customer 1516 (x=26, t_x=30.86, T=31), 0.710623.
    [Fact]
    public void Top_one_week_prediction_is_customer_1516()
    {
        RfmRecord[] data = LifetimeData.CdnowSummary;
        double[] predicted = new double[data.Length];
        Fitted.Value.ConditionalExpectedPurchases(1, data, predicted);
        int best = Array.IndexOf(predicted, predicted.Max());
        Assert.Equal("1516", data[best].CustomerId);
        NumericAssert.Close(0.710623, predicted[best], 1e-4);
    }
}

public class BgNbdInputTests
{
    [Theory]
    [InlineData(2, 40.0, 38.86, "greater than T")]
    [InlineData(-1, 0.0, 10.0, "negative")]
    [InlineData(1, 0.0, -3.0, "T (age)")]
    public void Invalid_rows_are_named(int x, double tx, double age, string fragment)
    {
        RfmRecord[] data = [new("ok", 1, 2, 3), new("bad-7", x, tx, age)];
        var e = Assert.Throws<ArgumentException>(() => BgNbd.Fit(data));
        Assert.Contains("bad-7", e.Message, StringComparison.Ordinal);
        Assert.Contains("[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ModifiedBgNbd.Fit(data));
    }

    [Fact]
    public void Empty_input_cannot_be_fitted() => Assert.Throws<ArgumentException>(() => BgNbd.Fit([]));

    [Fact]
    public void Iteration_limit_is_reported_or_thrown_as_asked()
    {
        var tight = new LifetimeFitOptions { Fit = new Engagement.Metrics.Statistics.FitOptions { MaxIterations = 2 } };
        BgNbdModel m = BgNbd.Fit(LifetimeData.CdnowSummary, tight);
        Assert.False(m.Diagnostics!.Value.Converged);
        Assert.Equal(Engagement.Metrics.Statistics.FitStatus.IterationLimit, m.Diagnostics.Value.Status);
        var e = Assert.Throws<InvalidOperationException>(() => BgNbd.Fit(LifetimeData.CdnowSummary, tight with { RequireConvergence = true }));
        Assert.Contains("did not converge", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fitted_log_likelihood_equals_the_per_customer_sum()
    {
        BgNbdModel m = BgNbd.Fit(LifetimeData.CdnowSummary);
        NumericAssert.Close(m.LogLikelihood, m.LogLikelihoodOf(LifetimeData.CdnowSummary), 1e-10);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Predictions_are_in_range(byte xByte, byte txByte, byte ageByte)
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        double age = 1 + (ageByte / 4.0);
        int x = xByte % 30;
        double tx = x == 0 ? 0 : age * txByte / 255.0;
        var c = new RfmRecord("c", x, tx, age);
        double alive = model.ProbabilityAlive(c);
        double y10 = model.ConditionalExpectedPurchases(10, c);
        double y20 = model.ConditionalExpectedPurchases(20, c);
        return alive is >= 0 and <= 1 && y10 >= 0 && y20 >= y10;
    }

    [Fact]
    public void Pmf_sums_to_one_and_matches_the_mean()
    {
        var m = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        double sum = 0, mean = 0;
        for (int n = 0; n < 600; n++)
        {
            double p = m.ProbabilityOfPurchases(n, 39);
            sum += p;
            mean += n * p;
        }

        NumericAssert.Close(1, sum, 1e-9);
        NumericAssert.Close(m.ExpectedPurchases(39), mean, 1e-6);
    }

    [Fact]
    public void Batch_and_single_predictions_agree()
    {
        var m = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        RfmRecord[] rows = LifetimeData.CdnowSummary.Take(50).ToArray();
        double[] y = new double[50], alive = new double[50];
        m.ConditionalExpectedPurchases(39, rows, y);
        m.ProbabilityAlive(rows, alive);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(m.ConditionalExpectedPurchases(39, rows[i]), y[i]);
            Assert.Equal(m.ProbabilityAlive(rows[i]), alive[i]);
        }

        Assert.Throws<ArgumentException>(() => m.ProbabilityAlive(rows, new double[49]));
    }

    [Fact]
    public void Row_order_does_not_change_the_fit()
    {
        RfmRecord[] reversed = LifetimeData.CdnowSummary.Reverse().ToArray();
        BgNbdModel a = BgNbd.Fit(LifetimeData.CdnowSummary), b = BgNbd.Fit(reversed);
        NumericAssert.Close(a.R.Value, b.R.Value, 1e-6);
        NumericAssert.Close(a.LogLikelihood, b.LogLikelihood, 1e-10);
    }
}

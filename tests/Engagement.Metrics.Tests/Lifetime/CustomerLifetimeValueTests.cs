using Engagement.Metrics.Lifetime;
using Engagement.Metrics.Tests.Statistics;

namespace Engagement.Metrics.Tests.Lifetime;

public class CustomerLifetimeValueTests
{
    private static readonly Lazy<(RfmRecord[] Rows, BgNbdModel Model)> Example = new(() =>
    {
        RfmRecord[] rows = RfmSummary.FromTransactions(RfmSummaryTests.ExampleTransactions(), new DateOnly(2014, 12, 31));
        return (rows, BgNbd.Fit(rows));
    });

    // lifetimes-example-transactions README: lifetimes' fitted_bg fixture gives r 0.1639, α 1.8643, a 1.8503, b 3.1811
    // (4 decimals printed; we hold half a unit in the 4th place plus the fixture's tol=1e-6 slack: 2e-4).
    [Fact]
    public void Example_fit_matches_lifetimes()
    {
        BgNbdModel m = Example.Value.Model;
        NumericAssert.Close(0.1639, m.R.Value, 0, 2e-4);
        NumericAssert.Close(1.8643, m.Alpha.Value, 0, 2e-4);
        NumericAssert.Close(1.8503, m.A.Value, 0, 2e-4);
        NumericAssert.Close(3.1811, m.B.Value, 0, 2e-4);
    }

    // lifetimes tests/test_utils.py::test_customer_lifetime_value_with_known_values: the first five example customers,
    // monetary value 1, one 30-day period: discount 0 gives 0.016053, 0.021171, 0.030461, 0.031686, 0.001607 (decimal=5,
    // |diff| < 1.5e-5), and discount 1 halves them.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.5)]
    public void Known_values_of_lifetimes(double discount, double scale)
    {
        double[] expected = [0.016053, 0.021171, 0.030461, 0.031686, 0.001607];
        (RfmRecord[] rows, BgNbdModel model) = Example.Value;
        RfmRecord[] five = rows.Take(5).ToArray();
        double[] clv = new double[5];
        CustomerLifetimeValue.Calculate(model, five, [1, 1, 1, 1, 1], clv, new CustomerLifetimeValueOptions { Periods = 1, PeriodLength = 30, DiscountRate = discount });
        for (int i = 0; i < 5; i++)
        {
            NumericAssert.Close(expected[i] * scale, clv[i], 0, 1.5e-5);
        }
    }

    [Fact]
    public void Undiscounted_clv_telescopes_to_value_times_expected_purchases()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        RfmRecord[] rows = LifetimeData.CdnowSummary.Take(20).ToArray();
        double[] value = rows.Select(r => r.Frequency > 0 ? r.MonetaryValue : 10).ToArray();
        double[] clv = new double[rows.Length];
        CustomerLifetimeValue.Calculate(model, rows, value, clv, new CustomerLifetimeValueOptions { Periods = 6, PeriodLength = 4.345, DiscountRate = 0, Margin = 0.5 });
        for (int i = 0; i < rows.Length; i++)
        {
            NumericAssert.Close(0.5 * value[i] * model.ConditionalExpectedPurchases(6 * 4.345, rows[i]), clv[i], 1e-12);
        }
    }

    // cdnow-summary README ("docs only"): lifetimes' Quickstart CLV with freq="W" (months of 4.345 weeks), 12 months,
    // 1%/month, Gamma-Gamma spend: customers 1–3 give 36.28, 4.64, 8.34. Both models are our CDNOW fits, which match
    // lifetimes' to 4 figures, so the CLVs agree to the printed 2 decimals (tolerance 0.01).
    [Fact]
    public void Cdnow_quickstart_clv_with_monthly_periods()
    {
        RfmRecord[] rows = LifetimeData.CdnowSummary.Take(3).ToArray();
        double[] clv = new double[3];
        CustomerLifetimeValue.Calculate(
            BgNbd.Fit(LifetimeData.CdnowSummary), GammaGamma.Fit(LifetimeData.CdnowSummary), rows, clv,
            new CustomerLifetimeValueOptions { PeriodLength = 4.345 });
        NumericAssert.Close(36.28, clv[0], 0, 0.01);
        NumericAssert.Close(4.64, clv[1], 0, 0.01);
        NumericAssert.Close(8.34, clv[2], 0, 0.01);
    }

    [Fact]
    public void Mismatched_lengths_and_bad_values_throw()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        RfmRecord[] rows = [new("a", 1, 2, 3)];
        Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Calculate(model, rows, [1, 2], new double[1]));
        var e = Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Calculate(model, rows, [double.NaN], new double[1]));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Calculate(model, rows, [1], new double[1], new CustomerLifetimeValueOptions { PeriodLength = 0 }));
    }
}

public class FormulaClvTests
{
    // docs/metrics/clv.md worked example: AOV 50, 4 orders a year, 3 years, 30% margin = 180.
    [Fact]
    public void Simple_formula_worked_example() => Assert.Equal(180, FormulaClv.Simple(50, 4, 3, 0.3), 10);

    // docs/metrics/clv.md worked example: margin 100 a year, retention 0.8, discount 0.1: 100·0.8/0.3 = 266.67.
    [Fact]
    public void Retention_discount_worked_example() => NumericAssert.Close(266.6666666667, FormulaClv.RetentionDiscount(100, 0.8, 0.1), 1e-12);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Constant_retention_curve_converges_to_the_closed_form(byte retentionByte, byte discountByte)
    {
        double r = retentionByte / 256.0;
        double d = 0.01 + (discountByte / 256.0);
        double[] curve = new double[4000];
        for (int k = 0; k < curve.Length; k++)
        {
            curve[k] = Math.Pow(r, k + 1);
        }

        return NumericAssert.IsClose(FormulaClv.RetentionDiscount(7, r, d), FormulaClv.DiscountedCashFlows(curve, 7, d), 1e-9, 1e-12);
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool Higher_survival_never_lowers_the_value(byte a, byte b)
    {
        double low = Math.Min(a, b) / 255.0, high = Math.Max(a, b) / 255.0;
        return FormulaClv.DiscountedCashFlows([1, high, high * high], 10, 0.05) >= FormulaClv.DiscountedCashFlows([1, low, low * low], 10, 0.05);
    }

    [Fact]
    public void Bad_inputs_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FormulaClv.Simple(-1, 1, 1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FormulaClv.Simple(1, 1, 1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FormulaClv.RetentionDiscount(10, 1, 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FormulaClv.DiscountedCashFlows([1, 0.5, 1.2], 10, 0.1));
        Assert.Contains("2", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, FormulaClv.DiscountedCashFlows([], 10, 0.1));
    }
}

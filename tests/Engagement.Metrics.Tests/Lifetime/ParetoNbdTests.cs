using Engagement.Metrics.Lifetime;
using FsCheck;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Lifetime;

public sealed class ParetoNbdTests
{
    // The parameters of the BTYD walk-through (Dziurzynski, Wadsworth & McCarthy, "BTYD Walkthrough", R package BTYD),
    // which the lifetimes test suite uses for its P(alive) check.
    private static readonly ParetoNbdModel Walkthrough = new(0.5534, 10.5802, 0.6061, 11.6562);

    private static readonly Lazy<ParetoNbdModel> CdNowFit = new(() => ParetoNbd.Fit(LifetimeData.CdnowSummary));

    [Fact]
    public void Fit_on_CDNOW_reproduces_Fader_Hardie_Lee_2005()
    {
        ParetoNbdModel model = CdNowFit.Value;

        // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), Pareto/NBD column
        // of the comparison with BG/NBD: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0. Tolerance: half a
        // unit of the last published digit (lifetimes asserts decimal=2, i.e. 0.015), except β: its likelihood is so
        // flat (SE 6.2) that the true optimum, 11.66792 (LL −9594.973929827, 5e-8 above lifetimes' 11.668821), rounds
        // to 11.668, so β gets 1.5 units of the last digit.
        Assert.True(model.Diagnostics!.Value.Converged, model.Diagnostics.ToString());
        Assert.Equal(0.553, model.R.Value, 0.0005);
        Assert.Equal(10.578, model.Alpha.Value, 0.0005);
        Assert.Equal(0.606, model.S.Value, 0.0005);
        Assert.Equal(11.669, model.Beta.Value, 0.0015);
        Assert.Equal(-9595.0, model.LogLikelihood, 0.05);
        Assert.Equal(2357, model.Customers);
        Assert.All([model.R, model.Alpha, model.S, model.Beta], p => Assert.True(p.StandardError > 0));
    }

    [Fact]
    public void LogLikelihood_at_fixed_parameters_matches_an_independent_mpmath_integral()
    {
        // mpmath 1.3, dps = 30, summing ln{C[(α+T)^-(r+x)(β+T)^-s + s∫_{t_x}^T (α+t)^-(r+x)(β+t)^-(s+1) dt]} over the
        // 2,357 CDNOW rows (a route that does not use 2F1) at lifetimes' fitted values: −9594.97392984776.
        var model = new ParetoNbdModel(0.553274, 10.577661, 0.606248, 11.668821, LifetimeData.CdnowSummary);

        Assert.Equal(-9594.97392984776, model.LogLikelihood, 1e-7);
        Assert.Null(model.Diagnostics);
    }

    [Theory]
    // Same mpmath integral, BTYD walk-through parameters, one customer each.
    [InlineData(0, 0, 38.86, -0.52112919597328547)]
    [InlineData(2, 30.43, 38.86, -9.5545106946144221)]
    [InlineData(5, 10, 38, -14.605896338222798)]
    [InlineData(26, 30.86, 31, -39.132127883506137)]
    public void LogLikelihood_of_one_customer_matches_mpmath(int x, double tx, double age, double expected) =>
        Assert.Equal(expected, Walkthrough.LogLikelihoodOf([new RfmRecord("c", x, tx, age)]), 1e-11);

    [Fact]
    public void Conditional_expectation_for_the_top_CDNOW_customer_matches_lifetimes()
    {
        // lifetimes TestParetoNBDFitter (../shared/datasets/cdnow-summary/README.md): E[Y(52) | x=26, t_x=30.86, T=31]
        // = 25.46 within abs 0.01, with the parameters fitted on CDNOW.
        double expected = CdNowFit.Value.ConditionalExpectedPurchases(52, new RfmRecord("1516", 26, 30.86, 31));

        Assert.Equal(25.46, expected, 0.01);
    }

    [Fact]
    public void Probability_alive_with_the_BTYD_walkthrough_parameters_matches_lifetimes()
    {
        // lifetimes: P(alive | 26, 30.86, 31) = 0.9979 within abs 0.001; mpmath integral route gives 0.997917766551907.
        double alive = Walkthrough.ProbabilityAlive(new RfmRecord("1516", 26, 30.86, 31));

        Assert.Equal(0.997917766551907, alive, 1e-9);
        Assert.Equal(0.9979, alive, 0.001);
    }

    [Fact]
    public void Expected_purchases_of_a_new_customer_match_lifetimes_for_t_0_to_9()
    {
        // lifetimes TestParetoNBDFitter: E[X(t)], t = 0..9, atol 0.01, with the parameters fitted on CDNOW. Those
        // listed values drift from the formula by up to 0.0023 at t = 9; the formula itself, evaluated in mpmath at
        // lifetimes' fit (0.553274, 10.577661, 0.606248, 11.668821), gives `precise`, which we hold to 1e-4.
        double[] expected = [0, 0.05078, 0.09916, 0.14543, 0.18980, 0.23247, 0.27361, 0.31335, 0.35181, 0.38909];
        double[] precise = [0, 0.05101, 0.09963, 0.14613, 0.19076, 0.23369, 0.27508, 0.31508, 0.35379, 0.39134];
        double[] horizons = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        double[] actual = new double[10];

        CdNowFit.Value.ExpectedPurchases(horizons, actual);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 0.01);
            Assert.Equal(precise[i], actual[i], 1e-4);
        }
    }

    [Fact]
    public void Expected_purchases_at_s_equal_one_is_the_logarithmic_limit()
    {
        // s = 1: E[X(t)] = rβ/α · ln(1 + t/β).
        var model = new ParetoNbdModel(0.5, 10, 1, 12);
        Assert.Equal(0.5 * 12 / 10 * Math.Log(1 + (30 / 12.0)), model.ExpectedPurchases(30), 1e-12);
        var nearby = new ParetoNbdModel(0.5, 10, 1 + 1e-7, 12);
        Assert.Equal(model.ExpectedPurchases(30), nearby.ExpectedPurchases(30), 1e-6);
    }

    [Fact]
    public void Batch_predictions_equal_the_single_ones()
    {
        RfmRecord[] customers = LifetimeData.CdnowSummary[..50];
        double[] alive = new double[50];
        double[] expected = new double[50];

        Walkthrough.ProbabilityAlive(customers, alive);
        Walkthrough.ConditionalExpectedPurchases(39, customers, expected);

        for (int i = 0; i < customers.Length; i++)
        {
            Assert.Equal(Walkthrough.ProbabilityAlive(customers[i]), alive[i]);
            Assert.Equal(Walkthrough.ConditionalExpectedPurchases(39, customers[i]), expected[i]);
        }
    }

    [Fact]
    public void Gradient_matches_central_differences_on_both_sides_of_alpha_equal_beta()
    {
        var likelihood = new ParetoNbdLikelihood(RfmTable.Build(LifetimeData.CdnowSummary, "customers"));
        foreach (double[] theta in new[] { new[] { 0.55, 10.6, 0.61, 11.7 }, new[] { 0.8, 14.0, 1.3, 6.0 }, new[] { 0.3, 2.0, 0.2, 40.0 }, new[] { 2.0, 50.0, 0.5, 0.4 } })
        {
            GradientAssert.MatchesCentralDifferences(likelihood, theta);
        }
    }

    [Property(MaxTest = 100)]
    public void Probability_alive_is_a_probability_and_falls_with_inactivity(PositiveInt xi, PositiveInt gap)
    {
        int x = xi.Get % 30;
        double tx = x == 0 ? 0 : 5 + (x % 10);
        double age = tx + (gap.Get % 400 / 10.0);

        double alive = Walkthrough.ProbabilityAlive(new RfmRecord("c", x, tx, age));
        double later = Walkthrough.ProbabilityAlive(new RfmRecord("c", x, tx, age + 5));

        Assert.InRange(alive, 0, 1);
        Assert.True(later <= alive + 1e-12);
    }

    [Property(MaxTest = 50)]
    public void Fit_does_not_depend_on_the_order_of_customers(int seed)
    {
        RfmRecord[] shuffled = LifetimeData.CdnowSummary[..400].ToArray();
        new Random(seed).Shuffle(shuffled);

        ParetoNbdModel a = ParetoNbd.Fit(LifetimeData.CdnowSummary.AsSpan(0, 400));
        ParetoNbdModel b = ParetoNbd.Fit(shuffled);

        Assert.Equal(a.R.Value, b.R.Value, 1e-6);
        Assert.Equal(a.Beta.Value, b.Beta.Value, 1e-6);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood, 1e-6);
    }

    [Fact]
    public void A_fit_stopped_early_says_so()
    {
        var options = new ParetoNbdOptions { Fit = new Engagement.Metrics.Statistics.FitOptions { MaxIterations = 2 } };

        ParetoNbdModel model = ParetoNbd.Fit(LifetimeData.CdnowSummary, options);

        Assert.Equal(Engagement.Metrics.Statistics.FitStatus.IterationLimit, model.Diagnostics!.Value.Status);
        Assert.False(model.Diagnostics.Value.Converged);
    }

    [Theory]
    [InlineData(-1, 0, 10, "frequency is -1")]
    [InlineData(2, 12, 10, "recency 12 is greater than T (age) 10")]
    [InlineData(0, 3, 10, "recency is 3 with frequency 0")]
    public void Bad_rows_are_named_by_customer_and_position(int x, double tx, double age, string expected)
    {
        RfmRecord[] customers = [new("ok", 1, 2, 10), new("c42", x, tx, age)];

        var fit = Assert.Throws<ArgumentException>(() => ParetoNbd.Fit(customers));
        var alive = Assert.Throws<ArgumentException>(() => Walkthrough.ProbabilityAlive(customers, new double[2]));

        Assert.Contains("customers[1] (customer 'c42')", fit.Message, StringComparison.Ordinal);
        Assert.Contains(expected, fit.Message, StringComparison.Ordinal);
        Assert.Contains("c42", alive.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_parameters_horizons_and_lengths_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(0, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(1, 1, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Walkthrough.ExpectedPurchases(-1));
        Assert.Throws<ArgumentException>(() => Walkthrough.ProbabilityAlive(LifetimeData.CdnowSummary.AsSpan(0, 3), new double[2]));
        Assert.Throws<ArgumentException>(() => ParetoNbd.Fit([]));
    }
}

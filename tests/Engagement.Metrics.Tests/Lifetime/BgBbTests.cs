using Engagement.Metrics.Lifetime;
using FsCheck;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Lifetime;

public sealed class BgBbTests
{
    private static readonly Lazy<BgBbModel> DonationsFit = new(() => BgBb.Fit(LifetimeData.Donations));

    [Fact]
    public void Fit_on_the_donations_reproduces_Fader_Hardie_Shang_2010()
    {
        BgBbModel model = DonationsFit.Value;

        // Fader, Hardie & Shang (2010), Marketing Science 29(6), and lifetimes
        // TestBetaGeoBetaBinomFitter::test_params_out_is_close_to_Hardie_paper (decimal=2): α = 1.204, β = 0.750,
        // γ = 0.657, δ = 2.783. Asserted to half a unit of the third decimal.
        Assert.True(model.Diagnostics!.Value.Converged, model.Diagnostics.ToString());
        Assert.Equal(1.204, model.Alpha.Value, 0.0005);
        Assert.Equal(0.750, model.Beta.Value, 0.0005);
        Assert.Equal(0.657, model.Gamma.Value, 0.0005);
        Assert.Equal(2.783, model.Delta.Value, 0.0005);

        // −33,225.58: mpmath (dps 30) sum over the 22 weighted rows at lifetimes' fit (1.203522, 0.749716, 0.656718,
        // 2.783442) gives −33225.5812743473; our optimum can only be at least as high, and within 0.01 of it.
        Assert.Equal(-33225.58, model.LogLikelihood, 0.01);
        Assert.Equal(11104, model.Customers);
        Assert.All([model.Alpha, model.Beta, model.Gamma, model.Delta], p => Assert.True(p.StandardError > 0));
    }

    [Fact]
    public void Log_likelihood_at_fixed_parameters_matches_mpmath()
    {
        // /tmp/bgbb_ref.py in the commit message: mpmath beta functions, dps 30, at lifetimes' fitted values.
        var model = new BgBbModel(1.203522, 0.749716, 0.656718, 2.783442, LifetimeData.Donations);

        Assert.Equal(-33225.5812743473, model.LogLikelihood, 1e-8);
    }

    [Fact]
    public void Fit_log_likelihood_equals_the_log_likelihood_of_its_own_data()
    {
        BgBbModel model = DonationsFit.Value;

        Assert.Equal(model.LogLikelihood, model.LogLikelihoodOf(LifetimeData.Donations), 1e-8);
    }

    [Theory]
    // Fader, Hardie & Shang (2010) Table 6, P(alive in 2002) (lifetimes checks decimal=2, with m = 1): 0.11, 0.59, 0.93.
    // The mpmath values at lifetimes' fit are 0.108133331476, 0.589657261318, 0.930433594346.
    [InlineData(0, 0, 0.11, 0.108133331476)]
    [InlineData(2, 4, 0.59, 0.589657261318)]
    [InlineData(6, 6, 0.93, 0.930433594346)]
    public void Probability_alive_in_2002_matches_Table_6(int x, int tx, double published, double mpmathValue)
    {
        double alive = DonationsFit.Value.ProbabilityAlive(new BgBbRecord(x, tx, 6), futurePeriods: 1);

        Assert.Equal(published, alive, 0.005);
        Assert.Equal(mpmathValue, alive, 0.0005);
    }

    [Fact]
    public void Someone_who_bought_at_the_last_opportunity_is_alive_then()
    {
        Assert.Equal(1.0, DonationsFit.Value.ProbabilityAlive(new BgBbRecord(6, 6, 6)), 1e-12);
        Assert.Equal(1.0, DonationsFit.Value.ProbabilityAlive(new BgBbRecord(2, 6, 6)), 1e-12);
    }

    [Fact]
    public void Weighted_conditional_expectations_sum_to_the_workbook_total()
    {
        // Hardie's BG/BB workbook (note 010), sheet "Conditional Expectations (II)", column F total: 12,884.2;
        // lifetimes checks decimal=0 (< 1.5). mpmath at lifetimes' fit: 12884.1579991004.
        BgBbRecord[] rows = LifetimeData.Donations;
        double[] expected = new double[rows.Length];

        DonationsFit.Value.ConditionalExpectedTransactions(5, rows, expected);

        double total = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            total += rows[i].Weight * expected[i];
        }

        Assert.Equal(12884.2, total, 0.5);
    }

    [Fact]
    public void Conditional_expectation_matches_the_closed_form_of_eq_13()
    {
        // mpmath, both the term-by-term sum and FHS eq. (13) with δ/(γ−1)·Γ ratios: 1.05760367573322 for x=2, t_x=4, n=6,
        // n* = 5 at (1.203522, 0.749716, 0.656718, 2.783442).
        var model = new BgBbModel(1.203522, 0.749716, 0.656718, 2.783442);

        Assert.Equal(1.05760367573322, model.ConditionalExpectedTransactions(5, new BgBbRecord(2, 4, 6)), 1e-11);
        Assert.Equal(2.22016975582563, model.ExpectedTransactions(6), 1e-11);
    }

    [Theory]
    // Workbook "In-Sample Fit", cells C18 and C24 (lifetimes decimal=0): 3,454.9 donors with x = 0 and 1,253.1 with
    // x = 6 in the first 6 years. mpmath at lifetimes' fit: 3454.88148711 and 1253.11503597.
    [InlineData(0, 3454.9)]
    [InlineData(6, 1253.1)]
    public void Expected_number_of_donors_by_frequency_matches_the_workbook(int x, double expected) =>
        Assert.Equal(expected, DonationsFit.Value.ExpectedCustomersWithFrequency(x, 6), 0.5);

    [Property(MaxTest = 100)]
    public void Frequency_probabilities_sum_to_one_and_have_mean_E_X(PositiveInt n, PositiveInt a, PositiveInt g)
    {
        int periods = n.Get % 40;
        var model = new BgBbModel(0.2 + (a.Get % 50 / 10.0), 0.7, 0.3 + (g.Get % 30 / 10.0), 2.5);

        double total = 0, mean = 0;
        for (int x = 0; x <= periods; x++)
        {
            double p = model.ProbabilityOfFrequency(x, periods);
            Assert.InRange(p, 0, 1);
            total += p;
            mean += x * p;
        }

        Assert.Equal(1.0, total, 1e-10);
        Assert.Equal(model.ExpectedTransactions(periods), mean, 1e-9);
    }

    [Property(MaxTest = 100)]
    public void Conditional_expectation_equals_the_closed_form_for_long_histories(PositiveInt ni, PositiveInt xi, PositiveInt ti, PositiveInt futurei)
    {
        // FHS (2010) eq. 13 written with log-gamma, independently of the prefix tables (which grow on demand here).
        int n = 1 + (ni.Get % 300), tx = ti.Get % (n + 1), x = tx == 0 ? 0 : 1 + (xi.Get % tx), future = futurei.Get % 50;
        double a = 1.204, b = 0.750, g = 0.657, d = 2.783;
        var model = new BgBbModel(a, b, g, d);
        var row = new BgBbRecord(x, tx, n);

        double logL = model.LogLikelihoodOf([row]);
        double closed = Math.Exp(BgBbLikelihood.LogBetaRatio(a, b, x + 1, n - x) - logL) * d / (g - 1)
            * Math.Exp(Lg(g + d) - Lg(1 + d))
            * (Math.Exp(Lg(1 + d + n) - Lg(g + d + n)) - Math.Exp(Lg(1 + d + n + future) - Lg(g + d + n + future)));

        Assert.Equal(closed, model.ConditionalExpectedTransactions(future, row), 1e-9 * Math.Max(1, closed));

        static double Lg(double v) => Engagement.Metrics.Statistics.SpecialFunctions.LogGamma(v);
    }

    [Fact]
    public void Weighted_rows_and_one_row_per_donor_give_the_same_fit()
    {
        // lifetimes test_fit_with_and_without_weights (decimal=4).
        BgBbRecord[] expanded = LifetimeData.Donations
            .SelectMany(r => Enumerable.Repeat(new BgBbRecord(r.Frequency, r.Recency, r.Periods), (int)r.Weight))
            .ToArray();

        BgBbModel weighted = DonationsFit.Value;
        BgBbModel perDonor = BgBb.Fit(expanded);

        Assert.Equal(11104, expanded.Length);
        Assert.Equal(weighted.Alpha.Value, perDonor.Alpha.Value, 1e-9);
        Assert.Equal(weighted.Beta.Value, perDonor.Beta.Value, 1e-9);
        Assert.Equal(weighted.Gamma.Value, perDonor.Gamma.Value, 1e-9);
        Assert.Equal(weighted.Delta.Value, perDonor.Delta.Value, 1e-9);
        Assert.Equal(weighted.LogLikelihood, perDonor.LogLikelihood, 1e-6);
    }

    [Property(MaxTest = 30)]
    public void Fit_does_not_depend_on_row_order(int seed)
    {
        BgBbRecord[] shuffled = LifetimeData.Donations.ToArray();
        new Random(seed).Shuffle(shuffled);

        BgBbModel model = BgBb.Fit(shuffled);

        Assert.Equal(DonationsFit.Value.Alpha.Value, model.Alpha.Value, 1e-6);
        Assert.Equal(DonationsFit.Value.Delta.Value, model.Delta.Value, 1e-6);
    }

    [Fact]
    public void Gradient_matches_central_differences()
    {
        var likelihood = new BgBbLikelihood(LifetimeData.Donations, "rows");
        foreach (double[] theta in new[] { new[] { 1.2, 0.75, 0.66, 2.8 }, new[] { 0.3, 4.0, 2.0, 0.5 } })
        {
            GradientAssert.MatchesCentralDifferences(likelihood, theta);
        }
    }

    [Fact]
    public void A_fit_stopped_early_says_so()
    {
        var options = new BgBbOptions { Fit = new Engagement.Metrics.Statistics.FitOptions { MaxIterations = 2 } };

        BgBbModel model = BgBb.Fit(LifetimeData.Donations, options);

        Assert.Equal(Engagement.Metrics.Statistics.FitStatus.IterationLimit, model.Diagnostics!.Value.Status);
    }

    [Theory]
    [InlineData(-1, 0, 6, 1, "frequency is -1")]
    [InlineData(2, 7, 6, 1, "recency 7 is greater than periods (n) 6")]
    [InlineData(0, 3, 6, 1, "recency is 3 with frequency 0")]
    [InlineData(4, 3, 6, 1, "frequency 4 is greater than recency 3")]
    [InlineData(1, 1, -6, 1, "periods (n) is -6")]
    [InlineData(1, 1, 6, -2, "weight is -2")]
    [InlineData(1, 1, 6, double.NaN, "weight is NaN")]
    public void Bad_rows_are_named_by_position_and_field(int x, int tx, int n, double weight, string expected)
    {
        BgBbRecord[] rows = [new(1, 1, 6, 10), new(x, tx, n, weight)];

        var error = Assert.Throws<ArgumentException>(() => BgBb.Fit(rows));

        Assert.Contains("rows[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_or_zero_weight_input_cannot_be_fitted_and_says_so()
    {
        Assert.Throws<ArgumentException>(() => BgBb.Fit([]));
        Assert.Throws<ArgumentException>(() => BgBb.Fit([new BgBbRecord(1, 1, 6, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgBbModel(1, 0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DonationsFit.Value.ProbabilityOfFrequency(7, 6));
    }
}

using Engagement.Metrics.Statistics;
using Engagement.Metrics.Statistics.Optimization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Statistics.Optimization;

public sealed class MaximumLikelihoodTests
{
    [Fact]
    public void Bfgs_finds_the_minimum_of_the_Rosenbrock_valley()
    {
        // Rosenbrock (1960): f = 100(y − x²)² + (1 − x)², minimum 0 at (1, 1); the classic test of curved valleys.
        double[] x = [-1.2, 1];
        FitDiagnostics diagnostics = Bfgs.Minimize(new Rosenbrock(), x, new FitOptions { GradientTolerance = 1e-10 });

        Assert.True(diagnostics.Converged, diagnostics.ToString());
        NumericAssert.Close(1, x[0], 1e-7);
        NumericAssert.Close(1, x[1], 1e-7);
        Assert.InRange(diagnostics.Iterations, 1, 100);
    }

    [Fact]
    public void Bfgs_reports_the_iteration_limit_instead_of_pretending_to_converge()
    {
        double[] x = [-1.2, 1];
        FitDiagnostics diagnostics = Bfgs.Minimize(new Rosenbrock(), x, new FitOptions { MaxIterations = 3 });

        Assert.Equal(FitStatus.IterationLimit, diagnostics.Status);
        Assert.False(diagnostics.Converged);
        Assert.Equal(3, diagnostics.Iterations);
    }

    [Fact]
    public void Bfgs_reports_a_non_finite_start()
    {
        double[] x = [-1, 0];
        FitDiagnostics diagnostics = Bfgs.Minimize(new Quadratic(double.NaN), x, FitOptions.Default);

        Assert.Equal(FitStatus.NonFiniteStart, diagnostics.Status);
        Assert.Null(diagnostics.GradientNorm);
    }

    [Fact]
    public void Poisson_rates_and_their_standard_errors_match_the_closed_form()
    {
        // Two independent Poisson samples: λ̂ = x̄ and SE = √(λ̂/n) (the inverse observed information n/λ̂).
        int[][] samples = [[3, 5, 4, 6, 2, 4, 5], [12, 9, 15, 11]];
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(new PoissonRates(samples), [1, 1], FitOptions.Default);

        Assert.True(fit.Diagnostics.Converged, fit.Diagnostics.ToString());
        for (int k = 0; k < samples.Length; k++)
        {
            double mean = samples[k].Average();
            NumericAssert.Close(mean, fit.Estimates[k].Value, 1e-8);
            NumericAssert.Close(Math.Sqrt(mean / samples[k].Length), fit.Estimates[k].StandardError!.Value, 1e-5);
        }
    }

    [Property(MaxTest = 50)]
    public Property Exponential_rate_is_n_over_the_sum_whatever_the_start(PositiveInt start)
    {
        double[] data = [0.5, 1.5, 2.25, 0.1, 3.0, 0.75];
        double rate = data.Length / data.Sum();
        double initial = start.Get / 10.0;
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(new ExponentialRate(data), [initial], FitOptions.Default);

        return (fit.Diagnostics.Converged
                && NumericAssert.IsClose(rate, fit.Estimates[0].Value, 1e-7)
                && NumericAssert.IsClose(rate / Math.Sqrt(data.Length), fit.Estimates[0].StandardError!.Value, 1e-5))
            .Label($"start {initial}: {fit.Estimates[0]} ({fit.Diagnostics})");
    }

    [Fact]
    public void A_singular_information_matrix_gives_no_standard_errors()
    {
        // −log L depends on θ₁·θ₂ only, so the product is identified and the factors are not.
        MaximumLikelihoodFit fit = MaximumLikelihood.FitPositive(new ProductOnly(), [1, 1], FitOptions.Default);

        NumericAssert.Close(6, fit.Estimates[0].Value * fit.Estimates[1].Value, 1e-6);
        Assert.Null(fit.Estimates[0].StandardError);
        Assert.Null(fit.Estimates[0].ConfidenceInterval());
    }

    [Fact]
    public void Inverse_diagonal_matches_a_hand_inverted_matrix()
    {
        // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8.
        double[]? diagonal = MaximumLikelihood.InverseDiagonal([4, 2, 2, 3]);

        Assert.NotNull(diagonal);
        NumericAssert.Close(3.0 / 8, diagonal[0], 1e-14);
        NumericAssert.Close(4.0 / 8, diagonal[1], 1e-14);
        Assert.Null(MaximumLikelihood.InverseDiagonal([1, 2, 2, 1]));
    }

    [Fact]
    public void Fit_options_report_every_broken_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new FitOptions { MaxIterations = 0, GradientTolerance = -1 }.Validate());

        Assert.Contains("MaxIterations is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("GradientTolerance is -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wald_interval_is_value_plus_minus_z_standard_errors()
    {
        Metrics.Statistics.Interval interval = new ParameterEstimate(2, 0.5).ConfidenceInterval(0.95)!.Value;

        NumericAssert.Close(2 - (1.959963984540054 * 0.5), interval.Lower, 1e-12);
        NumericAssert.Close(2 + (1.959963984540054 * 0.5), interval.Upper, 1e-12);
    }

    private sealed class Rosenbrock : IObjective
    {
        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double a = x[1] - (x[0] * x[0]);
            double b = 1 - x[0];
            gradient[0] = (-400 * a * x[0]) - (2 * b);
            gradient[1] = 200 * a;
            return (100 * a * a) + (b * b);
        }
    }

    private sealed class Quadratic(double offset) : IObjective
    {
        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient[0] = 2 * x[0];
            gradient[1] = 2 * x[1];
            return (x[0] * x[0]) + (x[1] * x[1]) + offset;
        }
    }

    /// <summary>−log L of independent Poisson samples (constants dropped) over u = log λ.</summary>
    private sealed class PoissonRates(int[][] samples) : IObjective
    {
        public int Dimension => samples.Length;

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double value = 0;
            for (int k = 0; k < samples.Length; k++)
            {
                double lambda = Math.Exp(u[k]);
                double sum = samples[k].Sum();
                value += (samples[k].Length * lambda) - (sum * u[k]);
                gradient[k] = (samples[k].Length * lambda) - sum;
            }

            return value;
        }
    }

    /// <summary>−log L = λΣx − n·log λ over u = log λ.</summary>
    private sealed class ExponentialRate(double[] data) : IObjective
    {
        public int Dimension => 1;

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double lambda = Math.Exp(u[0]);
            double sum = data.Sum();
            gradient[0] = (lambda * sum) - data.Length;
            return (lambda * sum) - (data.Length * u[0]);
        }
    }

    /// <summary>(θ₁θ₂ − 6)² over u = log θ: a ridge of optima.</summary>
    private sealed class ProductOnly : IObjective
    {
        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> u, Span<double> gradient)
        {
            double product = Math.Exp(u[0] + u[1]);
            double residual = product - 6;
            gradient[0] = 2 * residual * product;
            gradient[1] = 2 * residual * product;
            return residual * residual;
        }
    }
}

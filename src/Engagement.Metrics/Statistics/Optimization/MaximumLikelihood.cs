namespace Engagement.Metrics.Statistics.Optimization;

/// <summary>
/// Maximum-likelihood fitting of models whose parameters are all positive (every model in the retention and
/// lifetime-value areas): BFGS over u = log θ, so the optimiser is unconstrained, then standard errors from the
/// observed information in the natural parameters θ.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>Relative step of the central differences that build the Hessian from the analytic gradient.</summary>
    private const double HessianStep = 1e-5;

    /// <summary>Relative size below which a Cholesky pivot counts as zero (see <see cref="InverseDiagonal"/>).</summary>
    private const double SingularPivot = 1e-9;

    /// <summary>Fits the model.</summary>
    /// <param name="negativeLogLikelihood">−log L as a function of u = log θ, with its gradient with respect to u.</param>
    /// <param name="start">The starting values of θ, all &gt; 0.</param>
    /// <param name="options">The optimiser's stopping rules.</param>
    /// <returns>The estimates of θ with standard errors, the log-likelihood and the optimiser's diagnostics.</returns>
    public static MaximumLikelihoodFit FitPositive(IObjective negativeLogLikelihood, ReadOnlySpan<double> start, FitOptions options)
    {
        int n = negativeLogLikelihood.Dimension;
        double[] u = new double[n];
        for (int i = 0; i < n; i++)
        {
            u[i] = Math.Log(start[i]);
        }

        FitDiagnostics diagnostics = Bfgs.Minimize(negativeLogLikelihood, u, options.Validate());
        double[] theta = new double[n];
        for (int i = 0; i < n; i++)
        {
            theta[i] = Math.Exp(u[i]);
        }

        double value = negativeLogLikelihood.Evaluate(u, new double[n]);
        double[]? variances = double.IsFinite(value) ? InverseDiagonal(ObservedInformation(negativeLogLikelihood, theta)) : null;
        var estimates = new ParameterEstimate[n];
        for (int i = 0; i < n; i++)
        {
            double? se = variances is null ? null : Math.Sqrt(variances[i]);
            estimates[i] = new ParameterEstimate(theta[i], se);
        }

        return new MaximumLikelihoodFit(estimates, -value, diagnostics);
    }

    /// <summary>
    /// The Hessian of −log L with respect to θ by central differences of the analytic gradient, using
    /// ∂/∂θ = (1/θ)·∂/∂u; symmetrised.
    /// </summary>
    private static double[] ObservedInformation(IObjective objective, double[] theta)
    {
        int n = theta.Length;
        double[] hessian = new double[n * n];
        double[] u = new double[n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int j = 0; j < n; j++)
        {
            double h = HessianStep * theta[j];
            NaturalGradient(objective, theta, j, h, u, plus);
            NaturalGradient(objective, theta, j, -h, u, minus);
            for (int i = 0; i < n; i++)
            {
                hessian[(i * n) + j] = (plus[i] - minus[i]) / (2 * h);
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = (hessian[(i * n) + j] + hessian[(j * n) + i]) / 2;
                hessian[(i * n) + j] = mean;
                hessian[(j * n) + i] = mean;
            }
        }

        return hessian;
    }

    /// <summary>Writes ∇_θ(−log L) at θ with θⱼ shifted by <paramref name="shift"/>.</summary>
    private static void NaturalGradient(IObjective objective, double[] theta, int j, double shift, double[] u, double[] gradient)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            u[i] = Math.Log(i == j ? theta[i] + shift : theta[i]);
        }

        objective.Evaluate(u, gradient);
        for (int i = 0; i < theta.Length; i++)
        {
            gradient[i] /= Math.Exp(u[i]);
        }
    }

    /// <summary>
    /// The diagonal of A⁻¹ for a symmetric positive-definite A by Cholesky; <see langword="null"/> when A is not
    /// positive definite, not finite, or numerically singular: a pivot below <see cref="SingularPivot"/> times the
    /// largest diagonal entry, far below what a finite-difference Hessian resolves, means a direction the data do not
    /// identify, whose "standard error" would be noise.
    /// </summary>
    internal static double[]? InverseDiagonal(double[] matrix)
    {
        int n = (int)Math.Sqrt(matrix.Length);
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(matrix[(i * n) + i]));
        }

        double[] lower = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = matrix[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= lower[(i * n) + k] * lower[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > SingularPivot * scale))
                    {
                        return null;
                    }

                    lower[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[(i * n) + j] = sum / lower[(j * n) + j];
                }
            }
        }

        // diag(A⁻¹)ᵢ = Σₖ (L⁻¹)ₖᵢ²; solve L·x = eᵢ for each column of L⁻¹.
        double[] diagonal = new double[n];
        double[] column = new double[n];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(column);
            for (int k = i; k < n; k++)
            {
                double sum = k == i ? 1 : 0;
                for (int m = i; m < k; m++)
                {
                    sum -= lower[(k * n) + m] * column[m];
                }

                column[k] = sum / lower[(k * n) + k];
                diagonal[i] += column[k] * column[k];
            }
        }

        return double.IsFinite(diagonal.Sum()) ? diagonal : null;
    }
}

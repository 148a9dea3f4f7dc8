namespace Engagement.Metrics.Statistics.Optimization;

/// <summary>
/// The BFGS quasi-Newton method with a strong-Wolfe line search (Nocedal &amp; Wright, <i>Numerical Optimization</i>,
/// 2nd ed., algorithm 6.1), for the small (2–5 parameter) likelihoods of the retention and lifetime-value models.
/// </summary>
/// <remarks>
/// Written here rather than taken from a numerics package: the models need only this, it keeps the core package
/// free of dependencies that are not annotated for trimming and native AOT, and every allocation is per fit, never
/// per evaluation. The inverse-Hessian estimate is dense (n ≤ a handful), scaled after the first step by sᵀy/yᵀy
/// (Nocedal &amp; Wright eq. 6.20), and an update is skipped when the curvature sᵀy is not safely positive.
/// </remarks>
internal static class Bfgs
{
    /// <summary>Minimises <paramref name="objective"/> starting from <paramref name="x"/>, which receives the result.</summary>
    /// <param name="objective">The function and its gradient.</param>
    /// <param name="x">The starting point on entry; the best point found on return.</param>
    /// <param name="options">The stopping rules.</param>
    /// <returns>How the run ended.</returns>
    public static FitDiagnostics Minimize(IObjective objective, double[] x, FitOptions options)
    {
        int n = objective.Dimension;
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, n);
        double[] gradient = new double[n];
        double[] direction = new double[n];
        double[] difference = new double[n];
        double[] gradientChange = new double[n];
        double[] inverseHessian = new double[n * n];
        SetIdentity(inverseHessian, n, 1);
        var search = new LineSearch(objective, x, direction, new double[n], new double[n]);

        double value = objective.Evaluate(x, gradient);
        if (!double.IsFinite(value) || Internal.SpanMath.IndexOfNonFinite(gradient) >= 0)
        {
            return new FitDiagnostics(FitStatus.NonFiniteStart, 0, 1, null);
        }

        bool scaled = false;
        for (int iteration = 0; ; iteration++)
        {
            double gradientNorm = MaxAbs(gradient);
            FitStatus? status = gradientNorm <= options.GradientTolerance * Math.Max(1, Math.Abs(value)) ? FitStatus.Converged
                : iteration == options.MaxIterations ? FitStatus.IterationLimit
                : null;
            if (status is FitStatus done)
            {
                return new FitDiagnostics(done, iteration, search.Evaluations + 1, gradientNorm);
            }

            double slope = DescentDirection(inverseHessian, gradient, direction);
            double firstStep = iteration == 0 ? Math.Min(1, 1 / gradientNorm) : 1;
            if (!search.Search(value, slope, firstStep))
            {
                return new FitDiagnostics(FitStatus.LineSearchFailed, iteration, search.Evaluations + 1, gradientNorm);
            }

            for (int i = 0; i < n; i++)
            {
                difference[i] = search.Trial[i] - x[i];
                gradientChange[i] = search.TrialGradient[i] - gradient[i];
            }

            search.Trial.CopyTo(x, 0);
            search.TrialGradient.CopyTo(gradient, 0);
            value = search.TrialValue;
            scaled |= Update(inverseHessian, difference, gradientChange, scaled);
        }
    }

    /// <summary>Writes p = −H·g (falling back to −g, and resetting H, when that is not a descent direction) and returns gᵀp.</summary>
    private static double DescentDirection(double[] inverseHessian, double[] gradient, double[] direction)
    {
        int n = gradient.Length;
        MultiplySymmetric(inverseHessian, gradient, direction, -1);
        double slope = Dot(gradient, direction);
        if (slope < 0)
        {
            return slope;
        }

        SetIdentity(inverseHessian, n, 1);
        for (int i = 0; i < n; i++)
        {
            direction[i] = -gradient[i];
        }

        return -Dot(gradient, gradient);
    }

    /// <summary>
    /// The BFGS inverse update H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded as
    /// H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²yᵀHy + ρ)ssᵀ with ρ = 1/sᵀy.
    /// </summary>
    /// <returns>Whether the update was applied.</returns>
    private static bool Update(double[] inverseHessian, double[] s, double[] y, bool scaled)
    {
        int n = s.Length;
        double sy = Dot(s, y);
        if (!(sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y))))
        {
            return false;
        }

        if (!scaled)
        {
            SetIdentity(inverseHessian, n, sy / Dot(y, y));
        }

        double rho = 1 / sy;
        Span<double> hy = stackalloc double[n];
        MultiplySymmetric(inverseHessian, y, hy, 1);
        double yhy = Dot(y, hy);
        double ssWeight = (rho * rho * yhy) + rho;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                inverseHessian[(i * n) + j] += (ssWeight * s[i] * s[j]) - (rho * ((s[i] * hy[j]) + (hy[i] * s[j])));
            }
        }

        return true;
    }

    private static void SetIdentity(double[] matrix, int n, double diagonal)
    {
        Array.Clear(matrix);
        for (int i = 0; i < n; i++)
        {
            matrix[(i * n) + i] = diagonal;
        }
    }

    private static void MultiplySymmetric(double[] matrix, ReadOnlySpan<double> vector, Span<double> result, double factor)
    {
        int n = vector.Length;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += matrix[(i * n) + j] * vector[j];
            }

            result[i] = factor * sum;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}

using System.Globalization;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// Ordinary least-squares trend line y = a + b·x, with the slope's standard error and a two-sided Student-t test
/// of "no trend" (b = 0).
/// </summary>
/// <remarks>
/// With x̄, ȳ the means, Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ): b = Sxy / Sxx, a = ȳ − b·x̄, residual variance
/// s² = Σ(y − a − b·x)² / (n − 2), SE(b) = √(s² / Sxx), t = b / SE(b) on n − 2 degrees of freedom, and the p-value is
/// P(|T| ≥ |t|) (any regression textbook, e.g. Montgomery, Peck &amp; Vining, <i>Introduction to Linear Regression
/// Analysis</i>, §2.3). The slope needs n ≥ 2 distinct x; the standard error and test need n ≥ 3.
/// </remarks>
public static class LinearTrend
{
    /// <summary>Fits the trend line through the points (x[i], y[i]).</summary>
    /// <param name="x">The abscissae (for example period numbers).</param>
    /// <param name="y">The values, as many as <paramref name="x"/>.</param>
    /// <returns>The fit; members without a value are <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a value is NaN or infinite (the message names its index).</exception>
    public static LinearTrendResult Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"x has {x.Length} values and y has {y.Length}; pass one y per x."), nameof(y));
        }

        int n = x.Length;
        double sumX = 0, sumY = 0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                string name = double.IsFinite(x[i]) ? nameof(y) : nameof(x);
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {(name == nameof(x) ? x[i] : y[i])}; every point must be finite."), name);
            }

            sumX += x[i];
            sumY += y[i];
        }

        if (n < 2)
        {
            return new LinearTrendResult(n, null, null, null, null);
        }

        double meanX = sumX / n, meanY = sumY / n;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }

        if (sxx == 0)
        {
            return new LinearTrendResult(n, null, null, null, null);
        }

        double slope = sxy / sxx;
        double intercept = meanY - (slope * meanX);
        if (n < 3)
        {
            return new LinearTrendResult(n, slope, intercept, null, null);
        }

        double sse = 0;
        for (int i = 0; i < n; i++)
        {
            double r = y[i] - intercept - (slope * x[i]);
            sse += r * r;
        }

        double df = n - 2;
        double se = Math.Sqrt(sse / df / sxx);
        double? p;
        if (se > 0)
        {
            double t = slope / se;
            p = Math.Clamp(SpecialFunctions.RegularizedIncompleteBeta(df / 2, 0.5, df / (df + (t * t))), 0, 1);
        }
        else
        {
            p = slope == 0 ? null : 0; // a perfect line: any non-zero slope is certain, a flat one is untestable
        }

        return new LinearTrendResult(n, slope, intercept, se, p);
    }
}

using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Statistics;

/// <summary>An ordinary least-squares trend line and the test of its slope (see <see cref="LinearTrend"/>).</summary>
public readonly struct LinearTrendResult : IEquatable<LinearTrendResult>
{
    /// <summary>Creates a result (also the JSON constructor).</summary>
    /// <param name="count">The number of points, ≥ 0.</param>
    /// <param name="slope">The slope b, or <see langword="null"/> with fewer than two distinct x.</param>
    /// <param name="intercept">The intercept a, or <see langword="null"/> without a slope.</param>
    /// <param name="standardError">SE(b), or <see langword="null"/> with fewer than three points.</param>
    /// <param name="pValue">The two-sided p-value of b = 0, or <see langword="null"/> when untestable.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    [JsonConstructor]
    public LinearTrendResult(int count, double? slope, double? intercept, double? standardError, double? pValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Slope = slope;
        Intercept = intercept;
        StandardError = standardError;
        PValue = pValue;
    }

    /// <summary>The number of points.</summary>
    public int Count { get; }

    /// <summary>The slope b: change in y per unit of x.</summary>
    public double? Slope { get; }

    /// <summary>The intercept a.</summary>
    public double? Intercept { get; }

    /// <summary>The slope's standard error √(s²/Sxx), on n − 2 degrees of freedom.</summary>
    public double? StandardError { get; }

    /// <summary>The two-sided p-value of the t test of b = 0.</summary>
    public double? PValue { get; }

    /// <summary>Whether the slope differs from 0 at the given significance level.</summary>
    /// <param name="alpha">The significance level, for example 0.05.</param>
    /// <returns><see langword="true"/> when the p-value exists and is below <paramref name="alpha"/>.</returns>
    public bool IsSignificant(double alpha) => PValue is double p && p < alpha;

    /// <inheritdoc />
    public bool Equals(LinearTrendResult other) =>
        Count == other.Count && Nullable.Equals(Slope, other.Slope) && Nullable.Equals(Intercept, other.Intercept)
        && Nullable.Equals(StandardError, other.StandardError) && Nullable.Equals(PValue, other.PValue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LinearTrendResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Slope, Intercept, StandardError, PValue);

    /// <summary>Formats as <c>slope 1.500 (SE 0.200, p 0.0040, n = 5)</c>.</summary>
    /// <returns>The formatted fit.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"slope {Slope:F3} (SE {StandardError:F3}, p {PValue:F4}, n = {Count})");

    /// <summary>Compares two results for equality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(LinearTrendResult left, LinearTrendResult right) => left.Equals(right);

    /// <summary>Compares two results for inequality.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(LinearTrendResult left, LinearTrendResult right) => !left.Equals(right);
}

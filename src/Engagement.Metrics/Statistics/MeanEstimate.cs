using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The sample mean of a set of numbers with its uncertainty: count, mean, sample variance, standard deviation,
/// standard error and Student-t confidence intervals.
/// </summary>
/// <remarks>
/// <para>
/// With n = <see cref="Count"/>, x̄ the mean and s² = Σ(xᵢ − x̄)²/(n − 1) the unbiased sample variance:
/// <see cref="StandardDeviation"/> = s, <see cref="StandardError"/> = s/√n, and
/// <see cref="ConfidenceInterval(double)"/> = x̄ ± t(1 − (1 − level)/2; n − 1) · s/√n (the Student-t interval for a
/// mean, Student 1908; e.g. NIST/SEMATECH e-Handbook of Statistical Methods §7.2.2.1).
/// </para>
/// <para>
/// No value is ever faked: with no values every statistic is <see langword="null"/>; with one value the mean is
/// known but the variance, standard deviation, standard error and interval are <see langword="null"/>.
/// In JSON, missing statistics are written as <c>null</c>. <c>default(MeanEstimate)</c> is the empty estimate.
/// </para>
/// </remarks>
public readonly struct MeanEstimate : IEquatable<MeanEstimate>
{
    /// <summary>Creates an estimate from its count, mean and sample variance, for example after JSON deserialization.</summary>
    /// <param name="count">The number of values n, ≥ 0.</param>
    /// <param name="mean">The mean; <see langword="null"/> exactly when <paramref name="count"/> is 0, otherwise finite.</param>
    /// <param name="variance">The sample variance s² (n − 1 denominator); <see langword="null"/> exactly when <paramref name="count"/> &lt; 2, otherwise finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative, <paramref name="mean"/> is not finite, or <paramref name="variance"/> is negative or not finite.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="mean"/> or <paramref name="variance"/> is present or missing in contradiction with <paramref name="count"/>.
    /// </exception>
    [JsonConstructor]
    public MeanEstimate(long count, double? mean, double? variance)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                string.Create(CultureInfo.InvariantCulture, $"count is {count}; a count cannot be negative."));
        }

        if (mean is double m)
        {
            Guard.Finite(m, nameof(mean));
        }

        if (variance is double v)
        {
            Guard.NonNegative(v, nameof(variance));
        }

        if ((count == 0) != (mean is null))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"mean is {(mean is null ? "null" : "present")} but count is {count}; the mean is null exactly when there are no values."),
                nameof(mean));
        }

        if ((count < 2) != (variance is null))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"variance is {(variance is null ? "null" : "present")} but count is {count}; the sample variance is null exactly when there are fewer than two values."),
                nameof(variance));
        }

        Count = count;
        Mean = mean;
        Variance = variance;
    }

    /// <summary>The number of values, n.</summary>
    public long Count { get; }

    /// <summary>The sample mean x̄ = Σxᵢ/n, or <see langword="null"/> when <see cref="Count"/> is 0.</summary>
    public double? Mean { get; }

    /// <summary>The unbiased sample variance s² = Σ(xᵢ − x̄)²/(n − 1), or <see langword="null"/> when <see cref="Count"/> &lt; 2.</summary>
    public double? Variance { get; }

    /// <summary>The sample standard deviation s = √s², or <see langword="null"/> when <see cref="Count"/> &lt; 2.</summary>
    public double? StandardDeviation => Variance is double v ? Math.Sqrt(v) : null;

    /// <summary>The standard error of the mean s/√n, or <see langword="null"/> when <see cref="Count"/> &lt; 2.</summary>
    public double? StandardError => Variance is double v ? Math.Sqrt(v / Count) : null;

    /// <summary>The Student-t confidence interval for the population mean.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1 (for example 0.95).</param>
    /// <returns>The interval, or <see langword="null"/> when <see cref="Count"/> &lt; 2 (no variance to base it on).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1, or is NaN (checked even when there is no interval).</exception>
    /// <remarks>
    /// <c>x̄ ± t(1 − (1 − level)/2; n − 1) · s/√n</c>, via <see cref="ConfidenceIntervals.StudentT(double, double, double, double)"/>.
    /// It assumes independent observations and is exact for normal data; by the central limit theorem it is
    /// approximately right for other distributions when n is large.
    /// </remarks>
    public Interval? ConfidenceInterval(double level)
    {
        Guard.ConfidenceLevel(level);
        if (Mean is not double mean || StandardError is not double standardError)
        {
            return null;
        }

        return ConfidenceIntervals.StudentT(mean, standardError, Count - 1, level);
    }

    /// <inheritdoc />
    public bool Equals(MeanEstimate other) =>
        Count == other.Count && Nullable.Equals(Mean, other.Mean) && Nullable.Equals(Variance, other.Variance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MeanEstimate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, Mean, Variance);

    /// <summary>Formats as <c>mean ± standard error (n = count)</c> with invariant culture.</summary>
    /// <returns>The formatted estimate, for example <c>4.2 ± 0.31 (n = 57)</c>, or <c>no value (n = 0)</c>.</returns>
    public override string ToString() => Mean switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"no value (n = {Count})"),
        double m when StandardError is double se => string.Create(CultureInfo.InvariantCulture, $"{m:G6} ± {se:G3} (n = {Count})"),
        double m => string.Create(CultureInfo.InvariantCulture, $"{m:G6} (n = {Count})"),
    };

    /// <summary>Compares two estimates for equality.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns>Whether count, mean and variance are equal.</returns>
    public static bool operator ==(MeanEstimate left, MeanEstimate right) => left.Equals(right);

    /// <summary>Compares two estimates for inequality.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns>Whether count, mean or variance differs.</returns>
    public static bool operator !=(MeanEstimate left, MeanEstimate right) => !left.Equals(right);

    /// <summary>Builds an estimate from accumulator moments without re-validating them.</summary>
    internal static MeanEstimate FromMoments(long count, double mean, double sumOfSquaredDeviations) =>
        new(count > 0 ? mean : null, count > 1 ? Math.Max(0, sumOfSquaredDeviations) / (count - 1) : null, count);

    // Trusted path (parameters reordered to keep it apart from the public constructor): the accumulator's state is
    // consistent by construction, and may hold an overflowed ∞ that the public constructor would reject.
    private MeanEstimate(double? mean, double? variance, long count)
    {
        Count = count;
        Mean = mean;
        Variance = variance;
    }
}

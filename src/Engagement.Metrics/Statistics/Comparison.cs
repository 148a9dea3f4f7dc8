using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// The difference between two independent estimates (A − B) with its standard error, test statistic,
/// two-sided p-value and confidence interval.
/// </summary>
/// <remarks>
/// With <see cref="DegreesOfFreedom"/> null the statistic is a z score against the standard normal
/// (used for proportions and NPS); otherwise it is Welch's t with Welch–Satterthwaite degrees of freedom
/// (used for means). When either side has no estimate, <see cref="HasValue"/> is false and every derived value is null.
/// </remarks>
public readonly struct Comparison : IEquatable<Comparison>
{
    /// <summary>Creates a comparison from its parts (also the JSON constructor).</summary>
    /// <param name="difference">The estimate A − B, or null when either side has no value.</param>
    /// <param name="standardError">The standard error of the difference, or null.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom of a t statistic, or null for a z statistic.</param>
    /// <param name="confidenceLevel">The level of <see cref="ConfidenceInterval"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, the standard error or degrees of freedom are not positive, or the level is outside (0, 1).</exception>
    [JsonConstructor]
    public Comparison(double? difference, double? standardError, double? degreesOfFreedom, double confidenceLevel)
    {
        Difference = difference is { } d ? Guard.Finite(d, nameof(difference)) : null;
        StandardError = standardError is { } se ? Guard.NonNegative(se, nameof(standardError)) : null;
        DegreesOfFreedom = degreesOfFreedom is { } df ? Guard.Positive(Guard.Finite(df, nameof(degreesOfFreedom)), nameof(degreesOfFreedom)) : null;
        ConfidenceLevel = Guard.ConfidenceLevel(confidenceLevel);
    }

    /// <summary>The difference A − B.</summary>
    public double? Difference { get; }

    /// <summary>The standard error of the difference, √(SE_A² + SE_B²).</summary>
    public double? StandardError { get; }

    /// <summary>Welch–Satterthwaite degrees of freedom for a t test; null for a z test.</summary>
    public double? DegreesOfFreedom { get; }

    /// <summary>The confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Whether both sides had an estimate.</summary>
    public bool HasValue => Difference.HasValue && StandardError.HasValue;

    /// <summary>The test statistic (z or t) = difference / standard error; null when the standard error is 0.</summary>
    public double? Statistic => HasValue && StandardError > 0 ? Difference / StandardError : null;

    /// <summary>The two-sided p-value of "no difference"; null when <see cref="Statistic"/> is null.</summary>
    public double? PValue => Statistic is { } s
        ? 2 * (DegreesOfFreedom is { } df ? StudentT.Cdf(-Math.Abs(s), df) : StandardNormal.Cdf(-Math.Abs(s)))
        : null;

    /// <summary>The confidence interval of the difference: difference ± critical value × standard error.</summary>
    public Interval? ConfidenceInterval
    {
        get
        {
            if (Difference is not { } d || StandardError is not { } se)
            {
                return null;
            }

            double critical = DegreesOfFreedom is { } df
                ? StudentT.TwoSidedCriticalValue(ConfidenceLevel, df)
                : StandardNormal.TwoSidedCriticalValue(ConfidenceLevel);
            return new Interval(ConfidenceLevel, d - (critical * se), d + (critical * se));
        }
    }

    /// <summary>Compares two independent, approximately normal estimates with a z test.</summary>
    /// <param name="estimateA">Estimate A, or null when A has no value.</param>
    /// <param name="standardErrorA">Its standard error.</param>
    /// <param name="estimateB">Estimate B, or null when B has no value.</param>
    /// <param name="standardErrorB">Its standard error.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The comparison of A − B.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1), or a value is not finite.</exception>
    public static Comparison Normal(double? estimateA, double? standardErrorA, double? estimateB, double? standardErrorB, double level)
    {
        Guard.ConfidenceLevel(level);
        if (estimateA is not { } a || standardErrorA is not { } seA || estimateB is not { } b || standardErrorB is not { } seB)
        {
            return new Comparison(null, null, null, level);
        }

        return new Comparison(a - b, Math.Sqrt((seA * seA) + (seB * seB)), null, level);
    }

    /// <summary>Welch's unequal-variance t test of two independent means (Welch 1947, Biometrika 34).</summary>
    /// <param name="meanA">Mean of A.</param>
    /// <param name="varianceA">Sample variance of A.</param>
    /// <param name="countA">Sample size (or effective sample size) of A; at least 2 for a result.</param>
    /// <param name="meanB">Mean of B.</param>
    /// <param name="varianceB">Sample variance of B.</param>
    /// <param name="countB">Sample size (or effective sample size) of B; at least 2 for a result.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The comparison of A − B with Welch–Satterthwaite degrees of freedom; no value when a side has fewer than 2 observations or both variances are 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1), or a value is not finite.</exception>
    /// <remarks>
    /// <c>t = (m_A − m_B) / √(s²_A/n_A + s²_B/n_B)</c>, <c>ν = (s²_A/n_A + s²_B/n_B)² / ((s²_A/n_A)²/(n_A − 1) + (s²_B/n_B)²/(n_B − 1))</c>.
    /// </remarks>
    public static Comparison Welch(double meanA, double varianceA, double countA, double meanB, double varianceB, double countB, double level)
    {
        Guard.ConfidenceLevel(level);
        Guard.Finite(meanA);
        Guard.Finite(meanB);
        Guard.NonNegative(varianceA);
        Guard.NonNegative(varianceB);
        if (!(countA > 1 && countB > 1))
        {
            return new Comparison(null, null, null, level);
        }

        double va = varianceA / countA;
        double vb = varianceB / countB;
        double denominator = (va * va / (countA - 1)) + (vb * vb / (countB - 1));
        if (denominator <= 0)
        {
            return new Comparison(meanA - meanB, 0, null, level);
        }

        return new Comparison(meanA - meanB, Math.Sqrt(va + vb), (va + vb) * (va + vb) / denominator, level);
    }

    /// <inheritdoc />
    public bool Equals(Comparison other) =>
        Difference.Equals(other.Difference) && StandardError.Equals(other.StandardError)
        && DegreesOfFreedom.Equals(other.DegreesOfFreedom) && ConfidenceLevel.Equals(other.ConfidenceLevel);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Comparison other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Difference, StandardError, DegreesOfFreedom, ConfidenceLevel);

    /// <summary>Formats as <c>Δ = 4.2 (p = 0.031, 95% [...])</c>.</summary>
    /// <returns>The formatted comparison.</returns>
    public override string ToString() => HasValue
        ? string.Create(CultureInfo.InvariantCulture, $"Δ = {Difference:G4} (p = {PValue:G3}, {ConfidenceInterval})")
        : "Δ — (a side has no value)";

    /// <summary>Compares two comparisons for equality.</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns>Whether all parts are equal.</returns>
    public static bool operator ==(Comparison left, Comparison right) => left.Equals(right);

    /// <summary>Compares two comparisons for inequality.</summary>
    /// <param name="left">The first comparison.</param>
    /// <param name="right">The second comparison.</param>
    /// <returns>Whether any part differs.</returns>
    public static bool operator !=(Comparison left, Comparison right) => !left.Equals(right);
}

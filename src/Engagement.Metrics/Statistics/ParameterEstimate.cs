using System.Globalization;
using System.Text.Json.Serialization;
using Engagement.Metrics.Internal;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// A fitted model parameter: its maximum-likelihood value and, when the observed information is invertible, its
/// asymptotic standard error.
/// </summary>
/// <remarks>
/// The standard error is √[(H⁻¹)ᵢᵢ], where H is the Hessian of the negative log-likelihood at the estimate (the
/// observed Fisher information), computed by central differences of the model's analytic gradient. The confidence
/// interval is the Wald interval value ± z·SE, which is what lifetimes, BTYD and CLVTools report; for parameters near
/// zero it can cross zero, so read it as a scale of uncertainty rather than a hard range.
/// </remarks>
public readonly struct ParameterEstimate : IEquatable<ParameterEstimate>
{
    /// <summary>Creates an estimate.</summary>
    /// <param name="value">The estimate; finite.</param>
    /// <param name="standardError">The standard error, finite and ≥ 0, or <see langword="null"/> when the information matrix is singular.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or the standard error is negative or not finite.</exception>
    [JsonConstructor]
    public ParameterEstimate(double value, double? standardError)
    {
        Value = Guard.Finite(value);
        if (standardError is double se)
        {
            Guard.NonNegative(se, nameof(standardError));
        }

        StandardError = standardError;
    }

    /// <summary>The maximum-likelihood estimate.</summary>
    public double Value { get; }

    /// <summary>The asymptotic standard error, or <see langword="null"/> when it cannot be estimated.</summary>
    public double? StandardError { get; }

    /// <summary>The Wald interval value ± z·SE.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, or <see langword="null"/> when there is no standard error.</returns>
    public Interval? ConfidenceInterval(double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCriticalValue(level);
        return StandardError is double se ? new Interval(level, Value - (z * se), Value + (z * se)) : null;
    }

    /// <inheritdoc />
    public bool Equals(ParameterEstimate other) => Value.Equals(other.Value) && Nullable.Equals(StandardError, other.StandardError);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParameterEstimate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, StandardError);

    /// <summary>Formats as <c>0.243 (SE 0.0125)</c>.</summary>
    /// <returns>The formatted estimate.</returns>
    public override string ToString() =>
        StandardError is double se
            ? string.Create(CultureInfo.InvariantCulture, $"{Value:G4} (SE {se:G3})")
            : Value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Compares two estimates for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ParameterEstimate left, ParameterEstimate right) => left.Equals(right);

    /// <summary>Compares two estimates for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ParameterEstimate left, ParameterEstimate right) => !left.Equals(right);
}

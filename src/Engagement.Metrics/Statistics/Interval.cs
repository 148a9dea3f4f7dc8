using System.Globalization;
using System.Text.Json.Serialization;

namespace Engagement.Metrics.Statistics;

/// <summary>
/// A two-sided confidence interval: the confidence <see cref="Level"/> and the bounds it covers.
/// </summary>
/// <remarks>
/// Every statistic in the library reports its uncertainty as an <see cref="Interval"/> in the same units as
/// the estimate (for example NPS points on −100..100, or a share on 0..100).
/// </remarks>
public readonly struct Interval : IEquatable<Interval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1 (for example 0.95).</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound; must not be below <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1), a bound is NaN, or <paramref name="upper"/> &lt; <paramref name="lower"/>.</exception>
    [JsonConstructor]
    public Interval(double level, double lower, double upper)
    {
        Level = Internal.Guard.ConfidenceLevel(level);
        if (double.IsNaN(lower) || double.IsNaN(upper) || upper < lower)
        {
            throw new ArgumentOutOfRangeException(
                nameof(upper),
                upper,
                string.Create(CultureInfo.InvariantCulture, $"The interval [{lower}, {upper}] is not valid: bounds must be numbers with lower <= upper."));
        }

        Lower = lower;
        Upper = upper;
    }

    /// <summary>The confidence level, for example 0.95.</summary>
    public double Level { get; }

    /// <summary>The lower bound.</summary>
    public double Lower { get; }

    /// <summary>The upper bound.</summary>
    public double Upper { get; }

    /// <summary>The width, <c>Upper − Lower</c>.</summary>
    [JsonIgnore]
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies within the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <c>Lower &lt;= value &lt;= Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Returns the interval with both bounds multiplied by a positive factor (for example 100 to turn a share into a percentage).</summary>
    /// <param name="factor">A finite factor &gt; 0.</param>
    /// <returns>The scaled interval at the same level.</returns>
    public Interval Scale(double factor)
    {
        Internal.Guard.Positive(Internal.Guard.Finite(factor), nameof(factor));
        return new Interval(Level, Lower * factor, Upper * factor);
    }

    /// <inheritdoc />
    public bool Equals(Interval other) =>
        Level.Equals(other.Level) && Lower.Equals(other.Lower) && Upper.Equals(other.Upper);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Level, Lower, Upper);

    /// <summary>Formats as <c>95% [lower, upper]</c> with invariant culture (levels such as 0.999 keep their decimals: <c>99.9%</c>).</summary>
    /// <returns>The formatted interval.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Level * 100:0.###}% [{Lower:G6}, {Upper:G6}]");

    /// <summary>Compares two intervals for equality.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>Whether level and bounds are equal.</returns>
    public static bool operator ==(Interval left, Interval right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    /// <param name="left">The first interval.</param>
    /// <param name="right">The second interval.</param>
    /// <returns>Whether level or a bound differs.</returns>
    public static bool operator !=(Interval left, Interval right) => !left.Equals(right);
}

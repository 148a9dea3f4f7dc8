using System.Globalization;
using System.Runtime.CompilerServices;

namespace Engagement.Metrics.Internal;

/// <summary>Argument checks that return the argument, so they read as one expression at the call site.</summary>
internal static class Guard
{
    /// <summary>Requires a confidence level strictly between 0 and 1 (NaN is rejected).</summary>
    public static double ConfidenceLevel(double level, [CallerArgumentExpression(nameof(level))] string? paramName = null)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                level,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {level}; a confidence level must lie strictly between 0 and 1, for example 0.95."));
        }

        return level;
    }

    /// <summary>Requires a probability in [0, 1] (NaN is rejected).</summary>
    public static double Probability(double p, [CallerArgumentExpression(nameof(p))] string? paramName = null)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                p,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {p}; a probability must lie in [0, 1]."));
        }

        return p;
    }

    /// <summary>Requires a finite number (no NaN, no infinity).</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; a finite number is required."));
        }

        return value;
    }

    /// <summary>Requires a finite number that is not negative.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; a finite number >= 0 is required."));
        }

        return value;
    }

    /// <summary>Requires a number strictly greater than zero (positive infinity allowed where noted by the caller).</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; a number > 0 is required."));
        }

        return value;
    }
}

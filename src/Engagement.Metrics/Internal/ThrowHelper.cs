using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Internal;

/// <summary>
/// Throw sites kept out of hot loops (the TensorPrimitives pattern): the loop body stays small and the
/// message always names the parameter, the position and the offending value.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ScoreOutOfRange(string paramName, int index, long value, int minimum, int maximum) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}, outside the scale {minimum}..{maximum}. Check the survey scale option or clean the input."));

    [DoesNotReturn]
    public static void ScoreOutOfRange(string paramName, long value, int minimum, int maximum) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}, outside the scale {minimum}..{maximum}. Check the survey scale option or clean the input."));

    [DoesNotReturn]
    public static void InvalidWeight(string paramName, int index, double value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}; weights must be finite and >= 0."));

    [DoesNotReturn]
    public static void InvalidWeight(string paramName, double value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; weights must be finite and >= 0."));

    [DoesNotReturn]
    public static void LengthMismatch(string paramName, int expected, int actual) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName} has {actual} elements but {expected} were expected (one per score)."),
            paramName);

    [DoesNotReturn]
    public static void NonFiniteValue(string paramName, int index, double value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}; values must be finite numbers (not NaN or infinity). Nothing from this batch was used."));

    [DoesNotReturn]
    public static void NonFiniteValue(string paramName, double value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; values must be finite numbers (not NaN or infinity)."));

    [DoesNotReturn]
    public static void ProbabilityOutOfRange(string paramName, int index, double value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}; a probability must lie in [0, 1]."));

    [DoesNotReturn]
    public static void DestinationTooShort(string paramName, int required, int actual) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName} has {actual} elements but at least {required} are needed (one per probability)."),
            paramName);

    [DoesNotReturn]
    public static void OverlappingSpans(string paramName, string otherParamName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName} overlaps {otherParamName}; they must be separate memory or exactly the same span."),
            paramName);
}

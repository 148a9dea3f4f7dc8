using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engagement.Metrics.Retention;

/// <summary>Argument checks and throw sites of the retention area; messages name the field, the position and the value.</summary>
internal static class ChurnErrors
{
    public static void Period(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(
                nameof(to),
                to,
                string.Create(CultureInfo.InvariantCulture, $"The period ends on {to:yyyy-MM-dd}, not after its start {from:yyyy-MM-dd}; 'to' is exclusive and must be after 'from'."));
        }
    }

    public static void NonNegative(long value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} is {value}; a count must be >= 0."));
        }
    }

    public static void LostAtMost(long lost, long available, string lostName, string availableName)
    {
        NonNegative(lost, lostName);
        if (lost > available)
        {
            throw new ArgumentOutOfRangeException(
                lostName,
                lost,
                string.Create(CultureInfo.InvariantCulture, $"{lostName} is {lost}, more than {availableName} ({available}); a period cannot lose more customers than it had. Check that the counts belong to the same period."));
        }
    }

    [DoesNotReturn]
    public static void NegativeAt(string paramName, int index, long value) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}; counts must be >= 0."));

    [DoesNotReturn]
    public static void Increasing(string paramName, int index, long previous, long value) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {value}, more than {paramName}[{index - 1}] = {previous}; survivors of one cohort can only stay level or fall. Use one cohort's counts, in period order."),
            paramName);

    [DoesNotReturn]
    public static void StartAfterAsOf(string paramName, int index, in CustomerRecord customer, DateOnly asOf) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] (customer '{customer.Id}') starts on {customer.Start:yyyy-MM-dd}, after the as-of date {asOf:yyyy-MM-dd}; use an as-of date on or after every start, or drop future customers."),
            paramName);
}

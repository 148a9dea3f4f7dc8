using System.Globalization;

namespace Engagement.Metrics.Orleans;

/// <summary>The length of a <see cref="MetricWindow"/>.</summary>
public enum WindowGranularity
{
    /// <summary>One calendar day. Aggregate grains hold one day each; longer windows are merged from days.</summary>
    Day = 0,

    /// <summary>One ISO 8601 week: Monday to Sunday, numbered by the ISO week-numbering year (week 1 holds the year's first Thursday).</summary>
    Week = 1,

    /// <summary>One calendar month.</summary>
    Month = 2,
}

/// <summary>
/// A reporting window: one day, one ISO week or one calendar month, identified by its first day.
/// </summary>
/// <remarks>
/// <para>
/// Days are calendar dates in whatever reporting time zone the producer chose when it stamped the events
/// (<see cref="MetricEvent{TValue}.Date"/>); the package never reads a clock or converts time zones.
/// </para>
/// <para>
/// Rollover convention: a week is the ISO 8601 week (Monday first, <see cref="ISOWeek"/>), so a week can straddle two
/// months and two calendar years; a month is the calendar month. Weeks and months are therefore both merged from
/// the day windows they contain, never from each other — which is what makes a month exactly the sum of its days
/// even when its first and last weeks are shared with neighbouring months.
/// </para>
/// </remarks>
public readonly struct MetricWindow : IEquatable<MetricWindow>
{
    private MetricWindow(WindowGranularity granularity, DateOnly start)
    {
        Granularity = granularity;
        Start = start;
    }

    /// <summary>Day, week or month.</summary>
    public WindowGranularity Granularity { get; }

    /// <summary>The first day of the window (a Monday for weeks, the 1st for months).</summary>
    public DateOnly Start { get; }

    /// <summary>The first day after the window (exclusive end).</summary>
    public DateOnly End => Granularity switch
    {
        WindowGranularity.Day => Start.AddDays(1),
        WindowGranularity.Week => Start.AddDays(7),
        _ => Start.AddMonths(1),
    };

    /// <summary>The number of days in the window: 1, 7, or 28–31.</summary>
    public int DayCount => End.DayNumber - Start.DayNumber;

    /// <summary>The day window of <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The one-day window.</returns>
    public static MetricWindow Day(DateOnly date) => new(WindowGranularity.Day, date);

    /// <summary>The ISO 8601 week (Monday to Sunday) that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The week window.</returns>
    public static MetricWindow WeekOf(DateOnly date)
    {
        int sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return new(WindowGranularity.Week, date.AddDays(-sinceMonday));
    }

    /// <summary>The ISO 8601 week <paramref name="week"/> of the ISO week-numbering year <paramref name="isoYear"/>.</summary>
    /// <param name="isoYear">The ISO week-numbering year (can differ from the calendar year near 1 January).</param>
    /// <param name="week">The week number, 1..52 or 53.</param>
    /// <returns>The week window.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or week does not exist.</exception>
    public static MetricWindow IsoWeek(int isoYear, int week) =>
        new(WindowGranularity.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday)));

    /// <summary>The calendar month that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>The month window.</returns>
    public static MetricWindow MonthOf(DateOnly date) => new(WindowGranularity.Month, new DateOnly(date.Year, date.Month, 1));

    /// <summary>The window of the given granularity that contains <paramref name="date"/>.</summary>
    /// <param name="granularity">Day, week or month.</param>
    /// <param name="date">Any date.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The granularity is not defined.</exception>
    public static MetricWindow Containing(WindowGranularity granularity, DateOnly date) => granularity switch
    {
        WindowGranularity.Day => Day(date),
        WindowGranularity.Week => WeekOf(date),
        WindowGranularity.Month => MonthOf(date),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Use Day, Week or Month."),
    };

    /// <summary>Whether <paramref name="date"/> falls in the window.</summary>
    /// <param name="date">Any date.</param>
    /// <returns>True when Start ≤ date &lt; End.</returns>
    public bool Contains(DateOnly date) => date >= Start && date < End;

    /// <summary>The day windows the window consists of, in date order.</summary>
    /// <returns>One window per day.</returns>
    public IReadOnlyList<MetricWindow> Days()
    {
        var days = new MetricWindow[DayCount];
        for (int i = 0; i < days.Length; i++)
        {
            days[i] = Day(Start.AddDays(i));
        }

        return days;
    }

    /// <summary>A stable text form used in grain keys: <c>2026-11-24</c>, <c>2026-W48</c> or <c>2026-11</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Granularity switch
    {
        WindowGranularity.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        WindowGranularity.Week => string.Create(
            CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        _ => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public bool Equals(MetricWindow other) => Granularity == other.Granularity && Start == other.Start;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetricWindow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Granularity, Start);

    /// <summary>Whether two windows are the same.</summary>
    /// <param name="left">A window.</param>
    /// <param name="right">Another window.</param>
    /// <returns>True when granularity and start are equal.</returns>
    public static bool operator ==(MetricWindow left, MetricWindow right) => left.Equals(right);

    /// <summary>Whether two windows differ.</summary>
    /// <param name="left">A window.</param>
    /// <param name="right">Another window.</param>
    /// <returns>True when granularity or start differ.</returns>
    public static bool operator !=(MetricWindow left, MetricWindow right) => !left.Equals(right);
}

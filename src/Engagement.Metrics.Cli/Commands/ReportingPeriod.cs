using System.Globalization;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>The period a dated row falls in, labelled so that labels sort chronologically.</summary>
internal enum ReportingPeriod
{
    Day,
    Week,
    Month,
    Quarter,
}

internal static class ReportingPeriods
{
    /// <summary>Day 2026-03-05, ISO week 2026-W10, month 2026-03, quarter 2026-Q1 (UTC dates).</summary>
    public static string Label(this ReportingPeriod period, DateTimeOffset at)
    {
        DateTime d = at.UtcDateTime;
        return period switch
        {
            ReportingPeriod.Day => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReportingPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}"),
            ReportingPeriod.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{d.Year}-Q{((d.Month - 1) / 3) + 1}"),
        };
    }
}

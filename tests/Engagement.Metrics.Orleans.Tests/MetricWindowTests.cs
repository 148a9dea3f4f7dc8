using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Engagement.Metrics.Orleans.Tests;

public sealed class MetricWindowTests
{
    // Expected ISO (year, week, Monday) from Python's date.isocalendar(), an independent ISO 8601 implementation.
    [Theory]
    [InlineData(2026, 12, 31, "2026-W53", 2026, 12, 28)]
    [InlineData(2027, 1, 3, "2026-W53", 2026, 12, 28)]
    [InlineData(2027, 1, 4, "2027-W01", 2027, 1, 4)]
    [InlineData(2021, 1, 3, "2020-W53", 2020, 12, 28)]
    [InlineData(2024, 12, 30, "2025-W01", 2024, 12, 30)]
    public void Weeks_follow_iso_8601(int y, int m, int d, string expectedName, int my, int mm, int md)
    {
        MetricWindow week = MetricWindow.WeekOf(new DateOnly(y, m, d));

        Assert.Equal(expectedName, week.ToString());
        Assert.Equal(new DateOnly(my, mm, md), week.Start);
        Assert.Equal(7, week.DayCount);
        int isoYear = int.Parse(expectedName[..4], System.Globalization.CultureInfo.InvariantCulture);
        int isoWeek = int.Parse(expectedName[6..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(week, MetricWindow.IsoWeek(isoYear, isoWeek));
    }

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 12, 31)]
    [InlineData(2026, 11, 30)]
    public void Months_are_calendar_months(int y, int m, int days)
    {
        MetricWindow month = MetricWindow.MonthOf(new DateOnly(y, m, 15));

        Assert.Equal(new DateOnly(y, m, 1), month.Start);
        Assert.Equal(days, month.DayCount);
        Assert.Equal(days, month.Days().Count);
        Assert.False(month.Contains(month.Start.AddDays(-1)));
        Assert.False(month.Contains(month.End));
    }

    [Property(MaxTest = 300)]
    public void Every_day_lies_in_exactly_one_week_and_one_month_and_their_days_tile_them(int dayOffset)
    {
        DateOnly date = new DateOnly(2000, 1, 1).AddDays(Math.Abs(dayOffset % 20_000));
        foreach (WindowGranularity granularity in new[] { WindowGranularity.Day, WindowGranularity.Week, WindowGranularity.Month })
        {
            MetricWindow window = MetricWindow.Containing(granularity, date);
            Assert.True(window.Contains(date));
            IReadOnlyList<MetricWindow> days = window.Days();
            Assert.Equal(window.Start, days[0].Start);
            Assert.Equal(window.End, days[^1].End);
            for (int i = 1; i < days.Count; i++)
            {
                Assert.Equal(days[i - 1].End, days[i].Start);
            }
        }

        Assert.Equal(DayOfWeek.Monday, MetricWindow.WeekOf(date).Start.DayOfWeek);
    }

    [Property]
    public Property Grain_keys_round_trip_any_text() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonNull<string>>(),
            ArbMap.Default.ArbFor<NonNull<string>>(),
            (tenant, segment) =>
            {
                string t = tenant.Get + "|%7C%";
                var key = new AggregateKey(t, "nps", segment.Get, new DateOnly(2026, 11, 24));
                return AggregateKey.Parse(key.ToGrainKey()) == key;
            });
}

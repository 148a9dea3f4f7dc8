namespace Engagement.Metrics.Orleans.Surrogates;

/// <summary>Instants as UTC ticks in surrogates; 0 (year 1, which no export carries) stands for "none".</summary>
internal static class UtcTicks
{
    public static long From(DateTimeOffset? time) => time is { } t ? t.UtcTicks : 0;

    public static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? ToOptionalTime(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}

using System.Globalization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// Durations with censoring flags, ordered by time: either a counting table (when the largest time is small
/// compared with the count, the usual case for lifetimes in days) or a sorted array of packed keys.
/// </summary>
internal static class SurvivalTimes
{
    /// <summary>Checks lengths and non-negative durations; returns the largest duration (−1 when empty).</summary>
    public static int Validate(ReadOnlySpan<int> durations, ReadOnlySpan<bool> observed, string durationsName, string observedName)
    {
        if (durations.Length != observed.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{observedName} has {observed.Length} elements but {durationsName} has {durations.Length}; give one flag per duration."),
                observedName);
        }

        int max = -1;
        for (int i = 0; i < durations.Length; i++)
        {
            int d = durations[i];
            if (d < 0)
            {
                ChurnErrors.NegativeAt(durationsName, i, d);
            }

            max = Math.Max(max, d);
        }

        return max;
    }

    /// <summary>Whether a counting table of max + 1 slots is cheaper than sorting n keys.</summary>
    public static bool UseTable(int max, int count) => max < (4L * count) + 4096;

    /// <summary>Per-time event and censoring counts in two tables of length max + 1.</summary>
    public static void Count(ReadOnlySpan<int> durations, ReadOnlySpan<bool> observed, Span<int> events, Span<int> censored)
    {
        for (int i = 0; i < durations.Length; i++)
        {
            if (observed[i])
            {
                events[durations[i]]++;
            }
            else
            {
                censored[durations[i]]++;
            }
        }
    }

    /// <summary>Keys time·2 + (censored ? 1 : 0), sorted: events sort before censorings at the same time.</summary>
    public static long[] SortedKeys(ReadOnlySpan<int> durations, ReadOnlySpan<bool> observed)
    {
        long[] keys = new long[durations.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)durations[i] << 1) | (observed[i] ? 0L : 1L);
        }

        Array.Sort(keys);
        return keys;
    }

    /// <summary>Reads the run of keys at one time from <paramref name="index"/>, advancing it.</summary>
    public static (int Time, int Events, int Censored) NextTime(long[] keys, ref int index)
    {
        int time = (int)(keys[index] >> 1);
        int events = 0, censored = 0;
        while (index < keys.Length && (int)(keys[index] >> 1) == time)
        {
            if ((keys[index] & 1) == 0)
            {
                events++;
            }
            else
            {
                censored++;
            }

            index++;
        }

        return (time, events, censored);
    }

    /// <summary>Days from start to end (churned on or before <paramref name="asOf"/>) or to the as-of date (censored).</summary>
    public static void FromCustomers(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf, Span<int> durations, Span<bool> observed, string paramName)
    {
        int a = asOf.DayNumber;
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly CustomerRecord c = ref customers[i];
            int s = c.Start.DayNumber;
            if (s > a)
            {
                ChurnErrors.StartAfterAsOf(paramName, i, c, asOf);
            }

            bool churned = c.End is DateOnly e && e.DayNumber <= a;
            durations[i] = (churned ? c.End!.Value.DayNumber : a) - s;
            observed[i] = churned;
        }
    }
}

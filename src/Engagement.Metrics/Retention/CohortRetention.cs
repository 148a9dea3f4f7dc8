namespace Engagement.Metrics.Retention;

/// <summary>Builds cohort retention tables (acquisition month × months since start) from customer records.</summary>
public static class CohortRetention
{
    /// <summary>
    /// Groups customers by the calendar month they started in and counts, for each k, those still active on their
    /// own k-month anniversary (Start + k months, clamped to month end as <see cref="DateOnly.AddMonths"/> does), i.e.
    /// whose end date is after it or absent.
    /// </summary>
    /// <param name="customers">The customers; every start must be on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The last day of observation. Column k of a cohort is reported only when every member's k-th anniversary is on or before it (the last day of month m + k ≤ asOf), so a cell never mixes observed and unobserved customers.</param>
    /// <returns>The table, cohorts in month order; empty input gives an empty table.</returns>
    /// <exception cref="ArgumentException">A customer starts after <paramref name="asOf"/>.</exception>
    public static CohortRetentionTable Build(ReadOnlySpan<CustomerRecord> customers, DateOnly asOf)
    {
        int asOfMonth = MonthIndex(asOf);
        bool asOfIsMonthEnd = asOf.AddDays(1).Month != asOf.Month;
        var cohorts = new SortedDictionary<int, (long Size, long[] Difference)>();
        for (int i = 0; i < customers.Length; i++)
        {
            ref readonly CustomerRecord c = ref customers[i];
            if (c.Start > asOf)
            {
                ChurnErrors.StartAfterAsOf(nameof(customers), i, c, asOf);
            }

            int month = MonthIndex(c.Start);
            int lastColumn = asOfMonth - month - (asOfIsMonthEnd ? 0 : 1);
            if (!cohorts.TryGetValue(month, out (long Size, long[] Difference) cohort))
            {
                cohort = (0, new long[Math.Max(lastColumn, -1) + 2]);
            }

            // Active on anniversaries 0..survived; retained[0..min(survived, lastColumn)] += 1 via a difference array.
            int survived = Math.Min(MonthsSurvived(c), lastColumn);
            if (survived >= 0)
            {
                cohort.Difference[0]++;
                cohort.Difference[survived + 1]--;
            }

            cohorts[month] = (cohort.Size + 1, cohort.Difference);
        }

        var rows = new List<CohortRow>(cohorts.Count);
        foreach ((int month, (long size, long[] difference)) in cohorts)
        {
            long[] retained = new long[difference.Length - 1];
            long running = 0;
            for (int k = 0; k < retained.Length; k++)
            {
                running += difference[k];
                retained[k] = running;
            }

            rows.Add(new CohortRow(new DateOnly(month / 12, (month % 12) + 1, 1), size, retained));
        }

        return new CohortRetentionTable(asOf, rows);
    }

    private static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>The largest k with Start + k months &lt; End (the customer is active on that anniversary); int.MaxValue without an end; −1 when End = Start.</summary>
    private static int MonthsSurvived(in CustomerRecord c)
    {
        if (c.End is not DateOnly end)
        {
            return int.MaxValue - 1;
        }

        int k = MonthIndex(end) - MonthIndex(c.Start);
        while (k >= 0 && c.Start.AddMonths(k) >= end)
        {
            k--;
        }

        return k;
    }
}

namespace Engagement.Metrics.Retention;

/// <summary>The counts behind a <see cref="ChurnResult"/>, tallied in one pass over day numbers (no allocation).</summary>
internal struct ChurnTally
{
    public long StartCustomers;
    public long Acquired;
    public long LostFromStart;
    public long LostFromAcquired;
    public long CustomerDays;

    /// <summary>Adds every customer; records are valid by construction (End ≥ Start), so nothing here can fail.</summary>
    public void Add(ReadOnlySpan<CustomerRecord> customers, DateOnly from, DateOnly to)
    {
        int f = from.DayNumber;
        int t = to.DayNumber;
        long start = 0, acquired = 0, lostStart = 0, lostAcquired = 0, days = 0;
        foreach (ref readonly CustomerRecord c in customers)
        {
            int s = c.Start.DayNumber;
            int e = c.End is DateOnly end ? end.DayNumber : int.MaxValue;
            bool atStart = s < f && e >= f;
            bool isAcquired = s >= f && s < t;
            bool lost = e >= f && e < t;
            start += atStart ? 1 : 0;
            acquired += isAcquired ? 1 : 0;
            lostStart += atStart && lost ? 1 : 0;
            lostAcquired += isAcquired && lost ? 1 : 0;
            long active = (long)Math.Min(e, t) - Math.Max(s, f);
            days += active > 0 ? active : 0;
        }

        StartCustomers += start;
        Acquired += acquired;
        LostFromStart += lostStart;
        LostFromAcquired += lostAcquired;
        CustomerDays += days;
    }

    public readonly ChurnResult ToResult(ChurnMethod method, DateOnly from, DateOnly to) =>
        new(method, from, to, StartCustomers, Acquired, LostFromStart, LostFromAcquired, CustomerDays);
}

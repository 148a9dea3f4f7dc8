using Engagement.Metrics.Retention;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Retention;

public class CohortRetentionTests
{
    private static readonly CustomerRecord[] Customers =
    [
        new("j1", new DateOnly(2025, 1, 5)),
        new("j2", new DateOnly(2025, 1, 10), new DateOnly(2025, 2, 20)),
        new("j3", new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28)),
        new("j4", new DateOnly(2025, 1, 15), new DateOnly(2025, 1, 15)),
        new("f1", new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 15)),
        new("f2", new DateOnly(2025, 2, 28)),
        new("m1", new DateOnly(2025, 3, 3)),
    ];

    // By hand (docs/metrics/retention.md), as of 2025-03-31 (a month end, so March's anniversaries are all observed):
    // January: j4 churned on its start day (never active); j3's 1-month anniversary is Jan 31 + 1 month = Feb 28, the day
    // it left, so it is not active then; j2 is active on Feb 10 but not on Mar 10 → retained [3, 2, 1] of 4.
    // February: f1 active on Mar 1 (left Mar 15), f2 active → [2, 2] of 2. March: [1] of 1.
    [Fact]
    public void Build_WorkedExample()
    {
        CohortRetentionTable t = CohortRetention.Build(Customers, new DateOnly(2025, 3, 31));

        Assert.Equal(3, t.Cohorts.Count);
        Assert.Equal(new DateOnly(2025, 1, 1), t.Cohorts[0].Month);
        Assert.Equal(4, t.Cohorts[0].Size);
        Assert.Equal([3L, 2, 1], t.Cohorts[0].Retained);
        Assert.Equal([2L, 2], t.Cohorts[1].Retained);
        Assert.Equal([1L], t.Cohorts[2].Retained);
        Assert.Equal(0.5, t.Cohorts[0].Rate(1));
        Assert.Null(t.Cohorts[1].Rate(2));
        Assert.Equal(4.0 / 6, t.PooledRate(1)!.Value, 15);
    }

    [Fact]
    public void Build_BeforeMonthEnd_ReportsOnlyFullyObservedColumns()
    {
        CohortRetentionTable t = CohortRetention.Build(Customers, new DateOnly(2025, 3, 30));
        Assert.Equal([3L, 2], t.Cohorts[0].Retained);
        Assert.Equal([2L], t.Cohorts[1].Retained);
        Assert.Empty(t.Cohorts[2].Retained);
        Assert.Null(t.PooledRate(2));
    }

    [Fact]
    public void Empty_GivesEmptyTable() => Assert.Empty(CohortRetention.Build([], new DateOnly(2025, 1, 1)).Cohorts);

    [Fact]
    public void StartAfterAsOf_NamesTheCustomer()
    {
        var e = Assert.Throws<ArgumentException>(() => CohortRetention.Build(Customers, new DateOnly(2025, 3, 1)));
        Assert.Contains("m1", e.Message, StringComparison.Ordinal);
        Assert.Contains("customers[6]", e.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Retained_IsNonIncreasing_AndMatchesDirectCount(int[] raw)
    {
        CustomerRecord[] records = RetentionData.FromInts(raw);
        var asOf = new DateOnly(2026, 1, 15);
        foreach (CohortRow row in CohortRetention.Build(records, asOf).Cohorts)
        {
            CustomerRecord[] members = records.Where(c => c.Start.Year == row.Month.Year && c.Start.Month == row.Month.Month).ToArray();
            if (members.Length != row.Size)
            {
                return false;
            }

            for (int k = 0; k < row.Retained.Count; k++)
            {
                long direct = members.Count(c => c.IsActiveOn(c.Start.AddMonths(k)));
                if (row.Retained[k] != direct || (k > 0 && row.Retained[k] > row.Retained[k - 1]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

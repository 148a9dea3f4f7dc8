using Engagement.Metrics.Retention;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Retention;

public class RevenueRetentionTests
{
    // docs/metrics/retention.md: four start customers paying 100, 200, 300, 400 (R₀ = 1000) pay 100, 250, 150, 0 at the
    // end: expansion 50, contraction 150, churned 400 → GRR = (1000 − 150 − 400)/1000 = 0.45, NRR = 0.50.
    [Fact]
    public void Calculate_DocExample()
    {
        RevenueRetentionResult r = RevenueRetention.Calculate([100, 200, 300, 400], [100, 250, 150, 0]);
        Assert.Equal(1000, r.StartingRevenue);
        Assert.Equal(50, r.Expansion);
        Assert.Equal(150, r.Contraction);
        Assert.Equal(400, r.ChurnedRevenue);
        Assert.Equal(0.45, r.Gross!.Value, 15);
        Assert.Equal(0.50, r.Net!.Value, 15);
    }

    [Fact]
    public void Empty_GivesNull()
    {
        RevenueRetentionResult r = RevenueRetention.Calculate([], []);
        Assert.Null(r.Gross);
        Assert.Null(r.Net);
    }

    [Property]
    public bool Gross_IsAtMostNet_AndAtMostOne(byte[] start, byte[] end)
    {
        int n = Math.Min(start.Length, end.Length);
        double[] s = start.Take(n).Select(x => (double)x).ToArray();
        double[] e = end.Take(n).Select(x => (double)(x % 3 == 0 ? 0 : x)).ToArray();
        RevenueRetentionResult r = RevenueRetention.Calculate(s, e);
        return r.Gross is null || (r.Gross <= r.Net + 1e-12 && r.Gross <= 1 + 1e-12 && r.Gross >= 0);
    }

    [Fact]
    public void BadRevenue_NamesPosition()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RevenueRetention.Calculate([1, 2], [1, -5]));
        Assert.Contains("endRevenue[1]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RevenueRetention.Calculate([1, 2], [1]));
    }
}

using Engagement.Metrics.Retention;
using Engagement.Metrics.Tests.Statistics;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Retention;

public class LogRankTests
{
    // The two groups of KaplanMeierTests' hand-worked example. By hand at each event time (n_A, n_B, d):
    // t=2 (5,5,1): E_A += 1/2;  t=3 (4,5,2): += 8/9;  t=5 (1,5,2): += 2/6;  t=8 (0,3,1) and t=10 (0,1,1): += 0.
    // O_A = 4, E_A = 1.722222, V = 1/4 + 2·(4·5·7)/(81·8) + 2·(1·5·4)/(36·5) = 0.904321, χ² = (4 − 1.722222)²/V = 5.737201,
    // p = erfc(√(χ²/2)) = 0.016609 (independent python3/mpmath loop; lifelines' logrank_test uses the same formula).
    [Fact]
    public void Test_HandWorkedExample()
    {
        int[] d = KaplanMeierTests.Durations;
        bool[] o = KaplanMeierTests.Observed;
        LogRankResult r = LogRank.Test(d.AsSpan(0, 5), o.AsSpan(0, 5), d.AsSpan(5), o.AsSpan(5));

        Assert.Equal(4, r.ObservedA);
        Assert.Equal(3, r.ObservedB);
        NumericAssert.Close(1.722222222222, r.ExpectedA, 1e-11);
        NumericAssert.Close(7 - 1.722222222222, r.ExpectedB, 1e-11);
        NumericAssert.Close(0.904320987654, r.Variance, 1e-11);
        NumericAssert.Close(5.737201365188, r.ChiSquare!.Value, 1e-11);
        NumericAssert.Close(0.0166092368219463, r.PValue!.Value, 1e-9);
    }

    [Property]
    public bool SwappingGroups_GivesSameStatistic(int[] raw, byte split)
    {
        raw ??= [];
        int[] durations = raw.Select(x => Math.Abs(x % 40)).ToArray();
        bool[] observed = raw.Select(x => x % 4 != 0).ToArray();
        int k = split % (raw.Length + 1);
        LogRankResult ab = LogRank.Test(durations.AsSpan(0, k), observed.AsSpan(0, k), durations.AsSpan(k), observed.AsSpan(k));
        LogRankResult ba = LogRank.Test(durations.AsSpan(k), observed.AsSpan(k), durations.AsSpan(0, k), observed.AsSpan(0, k));
        bool same = ab.ChiSquare is null ? ba.ChiSquare is null : Math.Abs(ab.ChiSquare.Value - ba.ChiSquare!.Value) <= 1e-9 * (1 + ab.ChiSquare.Value);
        return same && Math.Abs(ab.ExpectedA + ab.ExpectedB - (ab.ObservedA + ab.ObservedB)) < 1e-9 && ab.PValue is null or (>= 0 and <= 1);
    }

    [Fact]
    public void NoEvents_HasNoStatistic()
    {
        LogRankResult r = LogRank.Test([1, 2], [false, false], [3], [false]);
        Assert.Null(r.ChiSquare);
        Assert.Null(r.PValue);
    }
}

using Engagement.Metrics.Service;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Service;

public class ErlangATests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Aht180 = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Twenty = TimeSpan.FromSeconds(20);

    // Reference: an independent evaluation of the M/M/N+M birth–death chain (not the incomplete-gamma route used by
    // the library): exact rational stationary distribution π_{N+k} = π_N Π A/(N + iγ) truncated at k = 300, and the
    // service level from the per-position hypoexponential time in queue, summed by its exact partial-fraction
    // formula in 80-digit decimals (Python fractions/decimal). A Monte Carlo simulation of 8·10⁶ calls for the first
    // row agrees to its sampling error. Example: 100 calls per 30 min, AHT 180 s (A = 10), t = 20 s.
    // Tolerance 1e-10 absolute for probabilities, 1e-8 s for times.
    [Theory]
    [InlineData(14, 180, 0.135535577380689, 0.0186937152721611, 3.36486874898899, 2.99769015588072, 0.925559792083229, 0.700933060519885)]
    [InlineData(14, 600, 0.155927339470525, 0.00881719241368463, 5.29031544821078, 5.05567870147745, 0.90661844638793, 0.707987719704511)]
    [InlineData(12, 180, 0.303223853696893, 0.0530916253707425, 9.55649256673365, 8.52870882858114, 0.802303867284435, 0.789090312191048)]
    [InlineData(9, 180, 0.667180321249281, 0.179317064273948, 32.2770715693107, 30.5509914185563, 0.455469594999935, 0.911869928584502)]
    [InlineData(11, 60, 0.326788599959852, 0.111780419631208, 6.70682517787245, 5.22940157774867, 0.796522711476587, 0.807472345789811)]
    public void Evaluate_MatchesExactBirthDeathReference(int agents, int patienceSeconds, double pw, double pab, double meanWait, double asa, double sl, double occupancy)
    {
        ErlangAResult r = ErlangA.Evaluate(100, HalfHour, Aht180, TimeSpan.FromSeconds(patienceSeconds), agents, Twenty);

        Scores.AssertClose(pw, r.ProbabilityOfWaiting, 1e-10);
        Scores.AssertClose(pab, r.ProbabilityOfAbandonment, 1e-10);
        Scores.AssertClose(meanWait, r.AverageWait.TotalSeconds, 1e-6);
        Scores.AssertClose(asa, r.AverageSpeedOfAnswerSeconds, 1e-8);
        Scores.AssertClose(sl, r.ServiceLevel, 1e-10);
        Scores.AssertClose(occupancy, r.Occupancy, 1e-10);
    }

    [Fact]
    public void Overloaded_IsStillStable()
    {
        // 9 agents for 10 erlangs: Erlang C is unstable, Erlang A settles with 17.9 % abandoning (row above).
        Assert.False(ErlangC.Evaluate(100, HalfHour, Aht180, 9, Twenty).IsStable);
        ErlangAResult r = ErlangA.Evaluate(100, HalfHour, Aht180, TimeSpan.FromSeconds(180), 9, Twenty);
        Assert.InRange(r.ProbabilityOfAbandonment, 0.17, 0.19);
    }

    [Fact]
    public void ZeroThreshold_ServiceLevelIsOneMinusProbabilityOfWaiting()
    {
        ErlangAResult r = ErlangA.Evaluate(100, HalfHour, Aht180, TimeSpan.FromSeconds(180), 14, TimeSpan.Zero);
        Assert.Equal(1 - r.ProbabilityOfWaiting, r.ServiceLevel, 1e-12);
    }

    [Fact]
    public void NoCalls_NeverWaits()
    {
        ErlangAResult r = ErlangA.Evaluate(0, HalfHour, Aht180, TimeSpan.FromSeconds(60), 1, Twenty);
        Assert.Equal(0, r.ProbabilityOfWaiting);
        Assert.Equal(0, r.ProbabilityOfAbandonment);
        Assert.Equal(1, r.ServiceLevel);
        Assert.Equal(TimeSpan.Zero, r.AverageSpeedOfAnswer);
    }

    [Fact]
    public void HeavyOverloadWithPatientCallers_DoesNotOverflow()
    {
        // A = 2000 erlangs on 1000 agents, patience 100 × AHT: the queue sums pass 10³⁰⁸ and are rescaled.
        // Fluid limit (Garnett et al. 2002): the excess load abandons, P(abandon) → 1 − N/A = 0.5.
        var r = new ErlangAResult(1000, 2000, Aht180, TimeSpan.FromSeconds(18_000), Twenty);
        Assert.InRange(r.ProbabilityOfAbandonment, 0.49, 0.51);
        Assert.InRange(r.ProbabilityOfWaiting, 0.999, 1);
        Assert.InRange(r.ServiceLevel, 0, 0.01);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheParameter()
    {
        TimeSpan patience = TimeSpan.FromSeconds(60);
        Assert.Equal("averagePatience", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(100, HalfHour, Aht180, TimeSpan.Zero, 14, Twenty)).ParamName);
        Assert.Equal("callsPerInterval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(double.NaN, HalfHour, Aht180, patience, 14, Twenty)).ParamName);
        Assert.Equal("callsPerInterval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(-3, HalfHour, Aht180, patience, 14, Twenty)).ParamName);
        Assert.Equal("averageHandleTime", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(100, HalfHour, TimeSpan.Zero, patience, 14, Twenty)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(100, HalfHour, Aht180, patience, 0, Twenty)).ParamName);
        Assert.Equal("serviceLevelThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(100, HalfHour, Aht180, patience, 14, TimeSpan.FromSeconds(-1))).ParamName);
    }

    private static double Load(ushort raw) => raw / 200.0; // 0 .. 327 erlangs

    [Property]
    public bool Probabilities_AreInZeroOne(ushort rawLoad, byte rawAgents, byte rawPatience)
    {
        double a = Load(rawLoad);
        var r = new ErlangAResult(1 + rawAgents, a, Aht180, TimeSpan.FromSeconds(5 + (rawPatience * 10)), Twenty);
        return r.ProbabilityOfWaiting is >= 0 and <= 1 && r.ProbabilityOfAbandonment is >= 0 and <= 1
            && r.ProbabilityOfAbandonment <= r.ProbabilityOfWaiting + 1e-12
            && r.ServiceLevel is >= 0 and <= 1 && r.ServiceLevel <= 1 - r.ProbabilityOfAbandonment + 1e-12
            && r.Occupancy is >= 0 and <= 1 && r.AverageSpeedOfAnswer >= TimeSpan.Zero;
    }

    [Property]
    public bool MoreAgents_RaiseServiceLevel_AndLowerWaitAndAbandonment(ushort rawLoad, byte rawAgents, byte rawPatience)
    {
        double a = Load(rawLoad);
        int n = 1 + rawAgents;
        var patience = TimeSpan.FromSeconds(5 + (rawPatience * 10));
        var r = new ErlangAResult(n, a, Aht180, patience, Twenty);
        var more = new ErlangAResult(n + 1, a, Aht180, patience, Twenty);
        return more.ServiceLevel >= r.ServiceLevel - 1e-12 && more.ProbabilityOfAbandonment <= r.ProbabilityOfAbandonment + 1e-12
            && more.ProbabilityOfWaiting <= r.ProbabilityOfWaiting + 1e-12 && more.AverageSpeedOfAnswerSeconds <= r.AverageSpeedOfAnswerSeconds + 1e-9;
    }

    [Property]
    public bool InfinitePatienceLimit_IsErlangC(ushort rawLoad, byte extra)
    {
        // Patience 10⁸ × AHT: Erlang A differs from Erlang C by O(γ) = O(10⁻⁸).
        double a = Load(rawLoad);
        int n = (int)Math.Floor(a) + 1 + (extra % 40);
        var c = new ErlangCResult(n, a, Aht180, Twenty);
        var patient = new ErlangAResult(n, a, Aht180, TimeSpan.FromSeconds(180 * 1e8), Twenty);
        double tol = 1e-5;
        return Math.Abs(patient.ProbabilityOfWaiting - c.ProbabilityOfWaiting!.Value) < tol
            && Math.Abs(patient.ServiceLevel - c.ServiceLevel!.Value) < tol
            && Math.Abs(patient.AverageSpeedOfAnswerSeconds - c.AverageSpeedOfAnswerSeconds!.Value) < tol * 180 * (1 + c.AverageSpeedOfAnswerSeconds!.Value)
            && patient.ProbabilityOfAbandonment < tol;
    }

    [Fact]
    public void InfinitePatienceLimit_PublishedErlangCExample()
    {
        var c = new ErlangCResult(14, 10, Aht180, Twenty);
        var patient = new ErlangAResult(14, 10, Aht180, TimeSpan.FromSeconds(180 * 1e9), Twenty);
        Assert.Equal(c.ProbabilityOfWaiting!.Value, patient.ProbabilityOfWaiting, 1e-8);
        Assert.Equal(c.ServiceLevel!.Value, patient.ServiceLevel, 1e-8);
        Assert.Equal(c.AverageSpeedOfAnswerSeconds!.Value, patient.AverageSpeedOfAnswerSeconds, 1e-6);
    }

    [Fact]
    public void RequiredAgents_PublishedExample_NeedsFewerAgentsThanErlangC()
    {
        // 100 calls per 30 min, AHT 180 s, patience 180 s, 80 % in 20 s. From the exact birth–death rows above, 12
        // agents give SL 0.8023 (≥ 0.8); Erlang C asks for 14 because it assumes nobody hangs up.
        ErlangAStaffingRequirement r = ErlangA.RequiredAgents(100, HalfHour, Aht180, TimeSpan.FromSeconds(180), new StaffingOptions { Shrinkage = 0.3 });

        Assert.Equal(12, r.Agents);
        Assert.Equal(18, r.ScheduledAgents); // ⌈12 / 0.7⌉ = ⌈17.14⌉
        Scores.AssertClose(0.802303867284435, r.Metrics.ServiceLevel, 1e-10);
        Assert.True(ErlangA.Evaluate(100, HalfHour, Aht180, TimeSpan.FromSeconds(180), 11, Twenty).ServiceLevel < 0.8);
        Assert.Equal(14, ErlangC.RequiredAgents(100, HalfHour, Aht180).Agents);
    }

    [Fact]
    public void RequiredAgents_AbandonmentCeiling_AddsAgents()
    {
        // 12 agents let 5.3 % of callers abandon (reference row above), so a 5 % ceiling needs at least 13.
        ErlangAStaffingRequirement r = ErlangA.RequiredAgents(100, HalfHour, Aht180, TimeSpan.FromSeconds(180), new StaffingOptions { MaxAbandonmentRate = 0.05 });

        Assert.Equal(13, r.Agents); // 13 agents: 3.2 % abandon
        Assert.True(r.Metrics.ProbabilityOfAbandonment <= 0.05);
    }

    [Fact]
    public void ErlangC_RejectsAnAbandonmentTarget_RatherThanIgnoringIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ErlangC.RequiredAgents(100, HalfHour, Aht180, new StaffingOptions { MaxAbandonmentRate = 0.05 }));
        Assert.Contains("ErlangA.RequiredAgents", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool RequiredAgents_IsTheFewestThatMeetEveryTarget(ushort rawLoad, byte rawPatience, byte rawTarget, bool withAbandonment)
    {
        double calls = rawLoad / 20.0; // A = calls / 10: 0 .. 327 erlangs
        var patience = TimeSpan.FromSeconds(5 + (rawPatience * 10));
        var options = new StaffingOptions
        {
            ServiceLevelTarget = 0.5 + (rawTarget % 45 / 100.0),
            MaxAbandonmentRate = withAbandonment ? 0.05 : null,
        };
        ErlangAStaffingRequirement r = ErlangA.RequiredAgents(calls, HalfHour, Aht180, patience, options);

        bool Meets(ErlangAResult m) => m.ServiceLevel >= options.ServiceLevelTarget && (!withAbandonment || m.ProbabilityOfAbandonment <= 0.05);
        return Meets(r.Metrics) && (r.Agents == 1 || !Meets(ErlangA.Evaluate(calls, HalfHour, Aht180, patience, r.Agents - 1, Twenty)));
    }

    [Fact]
    public void DefaultResults_ReportZeroOccupancy_NotNaN()
    {
        // NaN would not survive JSON; an empty result has no load on no agents.
        Assert.Equal(0, default(ErlangAResult).Occupancy);
        Assert.Equal(0, default(ErlangCResult).Occupancy);
    }
}

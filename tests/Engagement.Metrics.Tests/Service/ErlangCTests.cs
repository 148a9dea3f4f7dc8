using System.Text.Json;
using Engagement.Metrics.Serialization;
using Engagement.Metrics.Service;
using Engagement.Metrics.Tests.TestSupport;
using FsCheck.Xunit;

namespace Engagement.Metrics.Tests.Service;

public class ErlangCTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Aht180 = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Twenty = TimeSpan.FromSeconds(20);

    // The widely published call-centre example (e.g. Call Centre Helper, "Erlang C formula – made simple"):
    // 100 calls per 30 minutes, AHT 180 s, 80 % in 20 s, so A = 10 erlangs; with N = 14 the published values are
    // P_w ≈ 0.1741 and ASA ≈ 7.8 s. Every value below was recomputed independently with exact rational arithmetic
    // (Python fractions/decimal, the textbook power-sum form of Erlang C, 50 digits); tolerance 1e-12 absolute.
    // Note: SL(20 s) = 1 − 0.174132 · e^(−4·20/180) = 0.888350 (the formula gives 0.8884, not the 0.8942 sometimes quoted).
    [Theory]
    [InlineData(11, 0.682118204689332, 122.781276844080, 0.389613811729153)]
    [InlineData(12, 0.449388224298271, 40.444940186844, 0.640158040374007)]
    [InlineData(13, 0.285270453036493, 17.116227182190, 0.795594788417783)]
    [InlineData(14, 0.174131933595050, 7.835937011777, 0.888350019179467)]
    [InlineData(15, 0.102042367007988, 3.673525212288, 0.941452842869022)]
    [InlineData(16, 0.057340330903371, 1.720209927101, 0.970560492503216)]
    public void Evaluate_PublishedExample_MatchesExactReference(int agents, double pw, double asaSeconds, double serviceLevel)
    {
        ErlangCResult r = ErlangC.Evaluate(100, HalfHour, Aht180, agents, Twenty);

        Assert.Equal(10, r.OfferedLoad);
        Assert.True(r.IsStable);
        Scores.AssertClose(pw, r.ProbabilityOfWaiting, 1e-12);
        Scores.AssertClose(asaSeconds, r.AverageSpeedOfAnswerSeconds, 1e-9);
        Scores.AssertClose(serviceLevel, r.ServiceLevel, 1e-12);
        Scores.AssertClose(10.0 / agents, r.Occupancy, 1e-15);
        Assert.Equal(asaSeconds, r.AverageSpeedOfAnswer!.Value.TotalSeconds, 1e-6);
    }

    [Fact]
    public void RequiredAgents_PublishedExample_Is14ButNot13()
    {
        // SL(20 s) is 0.7956 with 13 agents and 0.8884 with 14 (see above), so 80/20 needs 14.
        StaffingRequirement s = ErlangC.RequiredAgents(100, HalfHour, Aht180);

        Assert.Equal(14, s.Agents);
        Assert.Equal(14, s.ScheduledAgents);
        Scores.AssertClose(0.888350019179467, s.Metrics.ServiceLevel, 1e-12);
    }

    [Fact]
    public void RequiredAgents_360CallsPerHour_Aht240_Needs29()
    {
        // 360 calls/hour × 240 s = 24 erlangs. Exact reference (as above): SL(20 s) = 0.840283 with 29 agents
        // (meets 80/20), 0.761296 with 28 (fails); ASA with 30 agents = 6.914482 s.
        StaffingRequirement s = ErlangC.RequiredAgents(360, TimeSpan.FromHours(1), TimeSpan.FromSeconds(240));
        Assert.Equal(29, s.Agents);
        Scores.AssertClose(0.840283145662605, s.Metrics.ServiceLevel, 1e-12);

        ErlangCResult thirty = ErlangC.Evaluate(360, TimeSpan.FromHours(1), TimeSpan.FromSeconds(240), 30, Twenty);
        Scores.AssertClose(6.914482219874, thirty.AverageSpeedOfAnswerSeconds, 1e-9);
        Scores.AssertClose(0.172862055496838, thirty.ProbabilityOfWaiting, 1e-12);
    }

    [Fact]
    public void RequiredAgents_AsaTargetAndOccupancyAndShrinkage()
    {
        // ASA ≤ 5 s: 15 agents (3.67 s) but not 14 (7.84 s). Occupancy ≤ 0.7: 10/15 = 0.667 (14 gives 0.714).
        var asa = new StaffingOptions { ServiceLevelTarget = null, MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(5) };
        Assert.Equal(15, ErlangC.RequiredAgents(100, HalfHour, Aht180, asa).Agents);

        var occupancy = new StaffingOptions { MaxOccupancy = 0.7 };
        Assert.Equal(15, ErlangC.RequiredAgents(100, HalfHour, Aht180, occupancy).Agents);

        // 14 / (1 − 0.3) = 20 exactly: rounding must not turn it into 21.
        StaffingRequirement shrunk = ErlangC.RequiredAgents(100, HalfHour, Aht180, new StaffingOptions { Shrinkage = 0.3 });
        Assert.Equal(14, shrunk.Agents);
        Assert.Equal(20, shrunk.ScheduledAgents);
        Assert.Equal(22, new StaffingRequirement(shrunk.Metrics, 0.35).ScheduledAgents);

        // The combined example of docs/metrics/staffing.md.
        var strict = new StaffingOptions { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(5), MaxOccupancy = 0.85, Shrinkage = 0.30 };
        StaffingRequirement t = ErlangC.RequiredAgents(100, HalfHour, Aht180, strict);
        Assert.Equal(15, t.Agents);
        Assert.Equal(22, t.ScheduledAgents);
    }

    [Fact]
    public void Evaluate_Unstable_ReportsNullWaitingMetrics()
    {
        ErlangCResult r = ErlangC.Evaluate(100, HalfHour, Aht180, 10, Twenty);

        Assert.False(r.IsStable);
        Assert.Null(r.ProbabilityOfWaiting);
        Assert.Null(r.AverageSpeedOfAnswer);
        Assert.Null(r.ServiceLevel);
        Assert.Equal(1, r.Occupancy);
        Assert.Contains("unstable", r.ToString(), StringComparison.Ordinal);

        string json = JsonSerializer.Serialize(r, EngagementMetricsJson.Options);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("probabilityOfWaiting").ValueKind);
        Assert.False(doc.RootElement.GetProperty("isStable").GetBoolean());
    }

    [Fact]
    public void Evaluate_NoCalls_NeverWaits()
    {
        ErlangCResult r = ErlangC.Evaluate(0, HalfHour, Aht180, 1, Twenty);
        Assert.Equal(0, r.ProbabilityOfWaiting);
        Assert.Equal(1, r.ServiceLevel);
        Assert.Equal(TimeSpan.Zero, r.AverageSpeedOfAnswer);
        Assert.Equal(1, ErlangC.RequiredAgents(0, HalfHour, Aht180).Agents);
    }

    [Fact]
    public void Evaluate_LargeCentre_DoesNotOverflow()
    {
        // A = 5000 erlangs: Aᴺ/N! overflows doubles; the recursion does not. Square-root staffing
        // N ≈ A + β√A with β ≈ 1 gives P_w near the Halfin–Whitt value 0.22 (Halfin and Whitt 1981).
        ErlangCResult r = new(5071, 5000, Aht180, Twenty);
        Assert.InRange(r.ProbabilityOfWaiting!.Value, 0.15, 0.30);
        Assert.Equal(1, new ErlangCResult(20_000, 5000, Aht180, Twenty).ServiceLevel);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheParameter()
    {
        Assert.Equal("callsPerInterval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(-1, HalfHour, Aht180, 14, Twenty)).ParamName);
        Assert.Equal("callsPerInterval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(double.NaN, HalfHour, Aht180, 14, Twenty)).ParamName);
        Assert.Equal("callsPerInterval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.RequiredAgents(double.PositiveInfinity, HalfHour, Aht180)).ParamName);
        Assert.Equal("averageHandleTime", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(100, HalfHour, TimeSpan.Zero, 14, Twenty)).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(100, TimeSpan.Zero, Aht180, 14, Twenty)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(100, HalfHour, Aht180, 0, Twenty)).ParamName);
        Assert.Equal("serviceLevelThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(100, HalfHour, Aht180, 14, TimeSpan.FromSeconds(-1))).ParamName);
        Assert.Equal("offeredLoad", Assert.Throws<ArgumentOutOfRangeException>(() => new ErlangCResult(14, double.NaN, Aht180, Twenty)).ParamName);
    }

    [Fact]
    public void InvalidOptions_ReportEveryBrokenRule()
    {
        var bad = new StaffingOptions { ServiceLevelTarget = 1, Shrinkage = 1, MaxOccupancy = 0, ServiceLevelThreshold = TimeSpan.FromSeconds(-1) };
        ArgumentException e = Assert.Throws<ArgumentException>(() => ErlangC.RequiredAgents(100, HalfHour, Aht180, bad));
        Assert.Contains("ServiceLevelTarget", e.Message, StringComparison.Ordinal);
        Assert.Contains("Shrinkage", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxOccupancy", e.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceLevelThreshold", e.Message, StringComparison.Ordinal);
    }

    private static double Load(ushort raw) => raw / 100.0; // 0 .. 655 erlangs

    [Property]
    public bool ProbabilityOfWaiting_IsAProbability(ushort rawLoad, byte extra)
    {
        double a = Load(rawLoad);
        var r = new ErlangCResult((int)Math.Floor(a) + 1 + extra, a, Aht180, Twenty);
        return r.ProbabilityOfWaiting is >= 0 and <= 1 && r.ServiceLevel is >= 0 and <= 1 && r.Occupancy is >= 0 and < 1;
    }

    [Property]
    public bool MoreAgents_RaiseServiceLevel_AndLowerAsa(ushort rawLoad, byte extra)
    {
        double a = Load(rawLoad);
        int n = (int)Math.Floor(a) + 1 + (extra % 50);
        var r = new ErlangCResult(n, a, Aht180, Twenty);
        var more = new ErlangCResult(n + 1, a, Aht180, Twenty);
        return more.ServiceLevel >= r.ServiceLevel && more.AverageSpeedOfAnswerSeconds <= r.AverageSpeedOfAnswerSeconds
            && more.ProbabilityOfWaiting <= r.ProbabilityOfWaiting;
    }

    [Property]
    public bool RequiredAgents_IsMinimal(ushort rawCalls, byte rawAht, byte rawTarget)
    {
        double calls = rawCalls / 10.0;
        var aht = TimeSpan.FromSeconds(30 + rawAht);
        var options = new StaffingOptions { ServiceLevelTarget = 0.5 + (rawTarget % 50 / 100.0) };
        StaffingRequirement s = ErlangC.RequiredAgents(calls, HalfHour, aht, options);
        ErlangCResult found = s.Metrics;
        bool meets = found.IsStable && found.ServiceLevel >= options.ServiceLevelTarget;
        if (found.Agents == 1)
        {
            return meets;
        }

        var fewer = new ErlangCResult(found.Agents - 1, found.OfferedLoad, aht, options.ServiceLevelThreshold);
        return meets && (!fewer.IsStable || fewer.ServiceLevel < options.ServiceLevelTarget);
    }
}

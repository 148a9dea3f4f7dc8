using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class StaffingCommandTests
{
    // The docs/metrics/staffing.md example: 100 calls per 30 minutes, AHT 180 s, 80 % in 20 s → 14 agents.
    [Fact]
    public void RequiredAgents_PublishedExample_Is14()
    {
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--interval-minutes", "30", "--aht-seconds", "180", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("erlang-c", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal(10, doc.RootElement.GetProperty("offeredLoad").GetDouble(), 12);
        Assert.Equal(14, doc.RootElement.GetProperty("agents").GetInt32());
        Assert.True(doc.RootElement.GetProperty("serviceLevel").GetDouble() >= 0.80);
        Assert.Equal(14, doc.RootElement.GetProperty("scheduledAgents").GetInt32());
    }

    [Fact]
    public void Evaluate_ThirteenAgents_MissesTheTarget()
    {
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--agents", "13", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("serviceLevel").GetDouble() < 0.80);
    }

    [Fact]
    public void Evaluate_TooFewAgents_IsUnstableWithNullWaits()
    {
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--agents", "10", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.False(doc.RootElement.GetProperty("stable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("serviceLevel").ValueKind);
    }

    [Fact]
    public void Shrinkage_ScalesScheduledAgents()
    {
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--max-asa-seconds", "5", "--max-occupancy", "0.85", "--shrinkage", "0.3", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(15, doc.RootElement.GetProperty("agents").GetInt32());
        Assert.Equal(22, doc.RootElement.GetProperty("scheduledAgents").GetInt32());
    }

    [Fact]
    public void Patience_EvaluatesErlangA()
    {
        // docs/metrics/staffing.md: N = 14, mean patience 180 s; the library's ErlangATests check these against an
        // exact birth–death computation and an 8·10⁶-call simulation (P_w 0.13554, P_ab 0.01869, SL 0.92556).
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--agents", "14", "--patience-seconds", "180", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("erlang-a", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal(0.13554, doc.RootElement.GetProperty("probabilityOfWaiting").GetDouble(), 4);
        Assert.Equal(0.01869, doc.RootElement.GetProperty("probabilityOfAbandonment").GetDouble(), 4);
        Assert.Equal(0.92556, doc.RootElement.GetProperty("serviceLevel").GetDouble(), 4);
    }

    [Fact]
    public void Patience_WithoutAgents_SolvesWithErlangA()
    {
        // docs/metrics/staffing.md: Erlang A needs 12 agents where Erlang C needs 14 (ErlangATests checks the library).
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--patience-seconds", "180", "--shrinkage", "0.3", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal("erlang-a", doc.RootElement.GetProperty("model").GetString());
        Assert.Equal(12, doc.RootElement.GetProperty("agents").GetInt32());
        Assert.Equal(18, doc.RootElement.GetProperty("scheduledAgents").GetInt32());
    }

    [Fact]
    public void AbandonmentTarget_WithoutPatience_Exits2()
    {
        CliRun run = CliRun.Of("staffing", "--calls", "100", "--aht-seconds", "180", "--max-abandonment", "0.05");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-abandonment needs --patience-seconds", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--aht-seconds", "0")]
    [InlineData("--aht-seconds", "-5")]
    [InlineData("--agents", "0")]
    [InlineData("--shrinkage", "1.5")]
    public void BadValues_Exit2_WithOneLine(string option, string value)
    {
        var args = new List<string> { "staffing", "--calls", "100", "--aht-seconds", "180" };
        int at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        CliRun run = CliRun.Of([.. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

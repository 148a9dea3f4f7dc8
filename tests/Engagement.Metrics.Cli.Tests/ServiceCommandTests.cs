using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ServiceCommandTests
{
    private const string Header = "contact_id,customer_id,channel,reason,queued_at,answered_at,ended_at,talk_seconds,hold_seconds,conference_seconds,wrap_seconds,resolved,abandoned,escalated,self_service,first_response_at,resolved_at\n";

    // The nine contacts of the worked example on docs/metrics/fcr.md and its sibling pages.
    private const string WorkedExample = Header
        + "C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:04:30Z,240,20,0,40,true,false,false,false,,\n"
        + "C2,B,voice,billing,2026-03-02T09:01:00Z,2026-03-02T09:01:30Z,2026-03-02T09:09:00Z,360,60,30,50,true,false,true,false,,\n"
        + "C3,C,voice,outage,2026-03-02T09:02:00Z,,2026-03-02T09:02:03Z,,,,,false,true,false,false,,\n"
        + "C4,D,voice,outage,2026-03-02T09:03:00Z,,2026-03-02T09:03:45Z,,,,,false,true,false,false,,\n"
        + "C5,B,voice,billing,2026-03-04T09:00:00Z,2026-03-04T09:00:05Z,2026-03-04T09:03:05Z,180,0,0,20,true,false,false,false,,\n"
        + "C6,E,email,delivery,2026-03-02T09:00:00Z,,,0,0,0,600,false,false,false,false,2026-03-02T11:00:00Z,2026-03-03T15:00:00Z\n"
        + "C7,F,ivr,delivery,2026-03-02T09:05:00Z,,2026-03-02T09:08:00Z,0,0,0,0,true,false,false,true,,\n"
        + "C8,G,ivr,billing,2026-03-02T09:06:40Z,,2026-03-02T09:09:40Z,0,0,0,0,true,false,false,true,,\n"
        + "C9,G,voice,billing,2026-03-02T10:06:40Z,2026-03-02T10:06:55Z,2026-03-02T10:10:15Z,200,0,0,40,false,false,false,false,,\n";

    [Fact]
    public void WorkedExample_Json_HasEveryKpiAsValueAndCount()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("service", "--input", path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("service", root.GetProperty("metric").GetString());
        Assert.Equal(9, root.GetProperty("contacts").GetInt32());
        AssertKpi(root, "fcr", 0.6, 5);
        AssertKpi(root, "fcrRepeat", 0.8, 5);
        AssertKpi(root, "aht", 368, 5);
        AssertKpi(root, "asa", 15, 4);
        AssertKpi(root, "serviceLevel", 0.6, 5);
        AssertKpi(root, "abandonmentRate", 0.2, 5);
        AssertKpi(root, "escalationRate", 0.2, 5);
        AssertKpi(root, "containment", 0.5, 2);
        AssertKpi(root, "firstResponse", 7200, 1);
        AssertKpi(root, "resolution", 108000, 1);
        Assert.Equal(196, root.GetProperty("aht").GetProperty("talk").GetDouble(), 9);
        Assert.Equal("billing", root.GetProperty("drivers")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Options_ChangeTheThresholds()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("service", "--input", path, "--format", "json", "--service-level-seconds", "10", "--short-abandon-seconds", "0", "--fcr-window-days", "1");

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        AssertKpi(doc.RootElement, "serviceLevel", 2.0 / 6, 6);      // waits 10 and 5 within 10 s; both abandons count
        AssertKpi(doc.RootElement, "abandonmentRate", 2.0 / 6, 6);
        AssertKpi(doc.RootElement, "fcrRepeat", 1.0, 5);             // C5 is two days after C2: outside a 1-day window
    }

    [Fact]
    public void ByChannel_HasGroupsAndOverall()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("service", "--input", path, "--format", "json", "--by", "channel");

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement[] groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(["email", "ivr", "voice"], groups.Select(g => g.GetProperty("key").GetString()));
        AssertKpi(groups[1], "containment", 0.5, 2);
        AssertKpi(groups[2], "fcrRepeat", 0.75, 4);
        AssertKpi(doc.RootElement.GetProperty("overall"), "fcr", 0.6, 5);
    }

    [Fact]
    public void ByReasonAndPeriod_Table_Renders()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("service", "--input", path, "--by", "reason", "--period", "day");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("billing 2026-03-04", run.Out, StringComparison.Ordinal);
        Assert.Contains("overall", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:04:30Z,-240,20,0,40,true,false,false,false,,", "talk_seconds", "'-240'")]
    [InlineData("C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T08:59:00Z,2026-03-02T09:04:30Z,240,20,0,40,true,false,false,false,,", "answered_at", "'2026-03-02T08:59:00Z'")]
    [InlineData("C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:00:05Z,240,20,0,40,true,false,false,false,,", "ended_at", "'2026-03-02T09:00:05Z'")]
    [InlineData("C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:04:30Z,240,20,0,40,true,true,false,false,,", "answered_at", "abandoned")]
    [InlineData("C1,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:04:30Z,240,20,0,40,maybe,false,false,false,,", "resolved", "'maybe'")]
    [InlineData("C1,A,voice,billing,yesterday,,,0,0,0,0,true,false,false,false,,", "queued_at", "'yesterday'")]
    public void BadRow_Exits3_WithOneLineNamingFileRowColumnAndValue(string line, string column, string value)
    {
        string good = "C0,A,voice,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:04:30Z,240,20,0,40,true,false,false,false,,\n";
        string path = CliRun.TempFile(Header + good + line + "\n");

        CliRun run = CliRun.Of("service", "--input", path);

        Assert.Equal(3, run.ExitCode);
        string error = run.Error.TrimEnd();
        Assert.DoesNotContain('\n', error);
        Assert.Contains($"{path}:3:{column}:", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        if (column.EndsWith("_at", StringComparison.Ordinal) && column != "queued_at" || column.EndsWith("_seconds", StringComparison.Ordinal))
        {
            Assert.Contains("'C1'", error, StringComparison.Ordinal); // the library's message names the contact
        }
    }

    [Fact]
    public void SkipInvalid_ReportsSkippedRows()
    {
        string bad = "C10,A,voice,billing,2026-03-02T09:00:00Z,,,-1,0,0,0,true,false,false,false,,\n";
        string path = CliRun.TempFile(WorkedExample + bad);

        CliRun run = CliRun.Of("service", "--input", path, "--format", "json", "--skip-invalid");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped 1 invalid row", run.Error, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("skippedRows").GetInt32());
        Assert.Equal(9, doc.RootElement.GetProperty("contacts").GetInt32());
    }

    [Fact]
    public void MissingColumn_Exits3()
    {
        string path = CliRun.TempFile("contact_id,customer_id\nC1,A\n");
        CliRun run = CliRun.Of("service", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("column 'channel' not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "agent")]
    [InlineData("--fcr-window-days", "0")]
    [InlineData("--service-level-seconds", "-1")]
    [InlineData("--date-column", "created_at")]
    public void BadUsage_Exits2(string option, string value)
    {
        string path = CliRun.TempFile(WorkedExample);
        Assert.Equal(2, CliRun.Of("service", "--input", path, option, value).ExitCode);
    }

    [Fact]
    public void Sample_PeriodWeek_ComparesTheLastTwoWeeksOfDrivers()
    {
        CliRun run = CliRun.Of("service", "--input", CliRun.SampleFile("contacts.csv"), "--period", "week", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement drivers = doc.RootElement.GetProperty("drivers");
        Assert.True(drivers.GetArrayLength() >= 5);
        Assert.All(drivers.EnumerateArray(), d => Assert.Equal(JsonValueKind.Number, d.GetProperty("previousShare").ValueKind));
        Assert.Equal(2, doc.RootElement.GetProperty("groups").GetArrayLength());
    }

    private static void AssertKpi(JsonElement parent, string name, double value, int count)
    {
        JsonElement kpi = parent.GetProperty(name);
        Assert.Equal(value, kpi.GetProperty("value").GetDouble(), 9);
        Assert.Equal(count, kpi.GetProperty("count").GetInt32());
    }
}

using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ChannelsCommandTests
{
    private const string Header = "contact_id,customer_id,channel,reason,queued_at,answered_at,ended_at,talk_seconds,hold_seconds,conference_seconds,wrap_seconds,resolved,abandoned,escalated,self_service\n";

    // The ten contacts of the worked example on docs/metrics/channels.md.
    internal const string WorkedExampleCsv = WorkedExample;

    private const string WorkedExample = Header
        + "K1,A,chat,billing,2026-03-02T09:00:00Z,,,300,0,0,0,false,false,false,false\n"
        + "K2,A,voice,billing,2026-03-02T11:00:00Z,,,400,0,0,60,true,false,false,false\n"
        + "K3,B,ivr,delivery,2026-03-02T09:00:00Z,,2026-03-02T09:04:00Z,0,0,0,0,false,false,false,true\n"
        + "K4,B,voice,delivery,2026-03-02T09:10:00Z,,,200,0,0,40,true,false,false,false\n"
        + "K5,C,email,billing,2026-03-02T09:00:00Z,,,0,0,0,600,true,false,false,false\n"
        + "K6,C,email,billing,2026-03-03T09:00:00Z,,,0,0,0,300,true,false,false,false\n"
        + "K7,D,voice,outage,2026-03-02T09:00:00Z,,,500,0,0,100,false,false,false,false\n"
        + "K8,D,chat,outage,2026-03-05T09:00:00Z,,,240,0,0,0,true,false,false,false\n"
        + "K9,E,chat,billing,2026-03-02T09:00:00Z,,,180,0,0,0,true,false,false,false\n"
        + "K10,E,voice,billing,2026-03-10T09:00:00Z,,,300,0,0,0,true,false,false,false\n";

    [Fact]
    public void WorkedExample_Json_MatchesTheDocs()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("channels", "--input", path, "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("channels", root.GetProperty("metric").GetString());
        Assert.Equal(10, root.GetProperty("contacts").GetInt32());
        Assert.Equal(0.6, root.GetProperty("digitalisation").GetProperty("value").GetDouble(), 12);
        Assert.Equal(2.0 / 6, root.GetProperty("escalation").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.3, root.GetProperty("switching").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.6, root.GetProperty("customersRepeating").GetProperty("value").GetDouble(), 12);
        JsonElement voice = root.GetProperty("channels")[0];
        Assert.Equal("voice", voice.GetProperty("channel").GetString());
        Assert.Equal("Assisted", voice.GetProperty("kind").GetString());
        Assert.Equal(0.4, voice.GetProperty("share").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.75, voice.GetProperty("resolution").GetProperty("value").GetDouble(), 12);
        Assert.Equal(400, voice.GetProperty("aht").GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public void WindowAndCatalogueOptions_ChangeTheResult()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("channels", "--input", path, "--format", "json", "--switch-window-hours", "216", "--assisted-channels", "chat");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(0.4, doc.RootElement.GetProperty("switching").GetProperty("value").GetDouble(), 12);   // K9 → K10 after 8 days now counts
        Assert.Equal(0.3, doc.RootElement.GetProperty("digitalisation").GetProperty("value").GetDouble(), 12); // chat is assisted now
    }

    [Fact]
    public void ByPeriod_HasGroupsAndOverall()
    {
        string path = CliRun.TempFile(WorkedExample);
        CliRun run = CliRun.Of("channels", "--input", path, "--format", "json", "--period", "week");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("groups").GetArrayLength());
        Assert.Equal(10, doc.RootElement.GetProperty("overall").GetProperty("contacts").GetInt32());
    }

    [Fact]
    public void UnknownChannel_IsBadData_NamingRowColumnAndValue()
    {
        string path = CliRun.TempFile(WorkedExample.Replace("K7,D,voice", "K7,D,fax", StringComparison.Ordinal));
        CliRun run = CliRun.Of("channels", "--input", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("channel", run.Error, StringComparison.Ordinal);
        Assert.Contains("'fax'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--assisted-channels", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeDuration_IsBadData()
    {
        string path = CliRun.TempFile(WorkedExample.Replace("K4,B,voice,delivery,2026-03-02T09:10:00Z,,,200", "K4,B,voice,delivery,2026-03-02T09:10:00Z,,,-200", StringComparison.Ordinal));
        CliRun run = CliRun.Of("channels", "--input", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("talk_seconds", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ByOption_IsAUsageError()
    {
        string path = CliRun.TempFile(WorkedExample);
        Assert.Equal(2, CliRun.Of("channels", "--input", path, "--by", "reason").ExitCode);
        Assert.Equal(2, CliRun.Of("channels", "--input", path, "--switch-window-hours", "0").ExitCode);
    }
}

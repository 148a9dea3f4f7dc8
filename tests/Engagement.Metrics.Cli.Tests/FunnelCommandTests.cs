using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class FunnelCommandTests
{
    private const string Header = "send_id,campaign_id,customer_id,channel,sent_at,delivered,opened,clicked,replied,unsubscribed\n";

    // The ten sends of the worked example on docs/metrics/funnel.md.
    internal const string WorkedExample = Header
        + "S1,spring,A,email,2026-03-02T09:00:00Z,true,true,true,false,false\n"
        + "S2,spring,B,email,2026-03-02T09:00:00Z,true,true,false,false,false\n"
        + "S3,spring,C,email,2026-03-02T09:00:00Z,true,true,false,false,true\n"
        + "S4,spring,D,email,2026-03-02T09:00:00Z,true,false,true,false,false\n"
        + "S5,spring,E,email,2026-03-02T09:00:00Z,false,false,false,false,false\n"
        + "S6,spring,F,email,2026-03-02T09:00:00Z,true,true,false,false,false\n"
        + "S7,promo,A,sms,2026-03-09T09:00:00Z,true,false,false,true,false\n"
        + "S8,promo,B,sms,2026-03-09T09:00:00Z,true,false,false,false,false\n"
        + "S9,promo,C,sms,2026-03-09T09:00:00Z,true,false,false,false,true\n"
        + "S10,promo,D,sms,2026-03-09T09:00:00Z,false,false,false,false,false\n";

    [Fact]
    public void WorkedExample_Json_MatchesTheDocs()
    {
        CliRun run = CliRun.Of("funnel", "--input", CliRun.TempFile(WorkedExample), "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("funnel", root.GetProperty("metric").GetString());
        Assert.Equal("delivered", root.GetProperty("reach").GetString());
        Assert.Equal(10, root.GetProperty("sent").GetInt32());
        Assert.Equal(6, root.GetProperty("opened").GetInt32());
        Assert.Equal(2, root.GetProperty("impliedOpens").GetInt32());
        Assert.Equal(0.75, root.GetProperty("openRate").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.25, root.GetProperty("clickRate").GetProperty("value").GetDouble(), 12);
        Assert.Equal(0.0714792127521090, root.GetProperty("clickRate").GetProperty("confidenceInterval").GetProperty("lower").GetDouble(), 10);
        Assert.Equal(0.25, root.GetProperty("unsubscribeRate").GetProperty("value").GetDouble(), 12);
        JsonElement frequency = root.GetProperty("frequency");
        Assert.Equal(1.0, frequency.GetProperty("windowWeeks").GetDouble());
        Assert.Equal(4, frequency.GetProperty("buckets")[2].GetProperty("customers").GetInt32());
        Assert.Equal("2–3", frequency.GetProperty("buckets")[2].GetProperty("label").GetString());
    }

    [Fact]
    public void ByChannel_HasGroupsAndOverall_AndWindowOptionsApply()
    {
        CliRun run = CliRun.Of("funnel", "--input", CliRun.TempFile(WorkedExample), "--by", "channel", "--format", "json",
            "--window-start", "2026-03-02", "--window-end", "2026-03-16", "--frequency-edges", "1,2");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("email", root.GetProperty("groups")[0].GetProperty("key").GetString());
        Assert.Equal(0.4, root.GetProperty("groups")[0].GetProperty("clickRate").GetProperty("value").GetDouble(), 12);
        Assert.Equal(10, root.GetProperty("overall").GetProperty("sent").GetInt32());
        JsonElement buckets = root.GetProperty("frequency").GetProperty("buckets");
        Assert.Equal(3, buckets.GetArrayLength());
        Assert.Equal([2, 3, 1], buckets.EnumerateArray().Select(b => b.GetProperty("customers").GetInt32()));
        Assert.Equal(Math.Sqrt(294.0 / 85), root.GetProperty("frequency").GetProperty("unsubscribeTrend").GetProperty("z").GetDouble(), 10);
    }

    [Fact]
    public void ClickedWithoutDelivery_IsBadData_NamingFileRowColumn()
    {
        string path = CliRun.TempFile(Header + "S1,spring,A,email,2026-03-02T09:00:00Z,false,false,true,false,false\n");
        CliRun run = CliRun.Of("funnel", "--input", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":2:clicked:", run.Error, StringComparison.Ordinal);
        Assert.Contains("S1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "region")]
    [InlineData("--frequency-edges", "3,2")]
    [InlineData("--window-start", "2026-03-02")]
    [InlineData("--period", "week")]
    public void BadOptions_AreUsageErrors(string option, string value)
    {
        CliRun run = CliRun.Of("funnel", "--input", CliRun.TempFile(WorkedExample), option, value);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Sample_ShowsUnsubscribesRisingWithFrequency()
    {
        CliRun run = CliRun.Of("funnel", "--input", CliRun.SampleFile("campaign_sends.csv"), "--by", "campaign", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement trend = doc.RootElement.GetProperty("frequency").GetProperty("unsubscribeTrend");
        Assert.True(trend.GetProperty("slope").GetDouble() > 0);
        Assert.True(trend.GetProperty("pValue").GetDouble() < 0.01);
        Assert.Equal(3, doc.RootElement.GetProperty("groups").GetArrayLength());
    }
}

using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class CostCommandTests
{
    private static readonly string[] Prices = ["--unit-cost", "voice=16.50", "--unit-cost", "chat=4.80", "--unit-cost", "email=3.00", "--unit-cost", "ivr=0.50"];

    private static CliRun Run(params string[] extra) =>
        CliRun.Of([.. new[] { "cost", "--input", CliRun.TempFile(ChannelsCommandTests.WorkedExampleCsv), "--format", "json" }, .. Prices, .. extra]);

    [Fact]
    public void WorkedExample_Json_MatchesTheDocs()
    {
        CliRun run = Run("--shift", "voice:ivr=0.3,resolution=0.6", "--shift", "voice:chat=0.5");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("cost", root.GetProperty("metric").GetString());
        Assert.Equal(86.9, root.GetProperty("overall").GetProperty("totalCost").GetDouble(), 10);
        Assert.Equal(8.69, root.GetProperty("overall").GetProperty("costPerContact").GetDouble(), 10);
        JsonElement voice = root.GetProperty("channels")[0];
        Assert.Equal("voice", voice.GetProperty("key").GetString());
        Assert.Equal(22.0, voice.GetProperty("costPerResolution").GetDouble(), 10);
        Assert.Equal("billing", root.GetProperty("drivers")[0].GetProperty("key").GetString());
        Assert.Equal(48.6, root.GetProperty("drivers")[0].GetProperty("totalCost").GetDouble(), 10);
        JsonElement ivr = root.GetProperty("shifts")[0];
        Assert.Equal(11.28, ivr.GetProperty("savings").GetDouble(), 10);
        Assert.Equal("given", ivr.GetProperty("assumptions").GetProperty("targetResolutionRateSource").GetString());
        Assert.Equal(16.5, ivr.GetProperty("assumptions").GetProperty("repeatCost").GetDouble(), 10);
        JsonElement chat = root.GetProperty("shifts")[1];
        Assert.Equal(12.4, chat.GetProperty("savings").GetDouble(), 10);
        Assert.Equal("observed", chat.GetProperty("assumptions").GetProperty("targetResolutionRateSource").GetString());
        Assert.Equal(16.5, root.GetProperty("unitCosts").GetProperty("voice").GetProperty("perContact").GetDouble());
    }

    [Fact]
    public void PerMinuteCost_IsAdded()
    {
        CliRun run = Run("--unit-cost-per-minute", "voice=0.30");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(66 + 8.0, doc.RootElement.GetProperty("channels")[0].GetProperty("totalCost").GetDouble(), 10);   // 26⅔ handled minutes × 0.30
    }

    [Theory]
    [InlineData("--unit-cost", "sms=-2", "--unit-cost sms: perContact is -2")]
    [InlineData("--unit-cost", "voice=1", "'voice' twice")]
    [InlineData("--unit-cost", "fax", "CHANNEL=AMOUNT")]
    [InlineData("--shift", "voice:ivr=1.5", "Share is 1.5")]
    [InlineData("--shift", "voice:bot=0.3", "'bot'")]
    [InlineData("--shift", "voice-ivr", "FROM:TO=SHARE")]
    [InlineData("--by", "channel", "--by")]
    public void BadOptions_AreUsageErrors_NamingFieldAndValue(string option, string value, string expected)
    {
        CliRun run = Run(option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelWithoutUnitCost_IsBadData()
    {
        CliRun run = CliRun.Of("cost", "--input", CliRun.TempFile(ChannelsCommandTests.WorkedExampleCsv), "--unit-cost", "voice=16.5");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":2:channel: 'chat' has no unit cost", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_TableShowsChannelsDriversAndShift()
    {
        CliRun run = CliRun.Of([.. new[] { "cost", "--input", CliRun.SampleFile("contacts.csv") }, .. Prices, "--shift", "voice:ivr=0.3,resolution=0.6"]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("channel voice", run.Out, StringComparison.Ordinal);
        Assert.Contains("driver billing", run.Out, StringComparison.Ordinal);
        Assert.Contains("shift voice→ivr 30%", run.Out, StringComparison.Ordinal);
    }
}

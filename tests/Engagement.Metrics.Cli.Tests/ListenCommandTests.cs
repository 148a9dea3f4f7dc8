using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ListenCommandTests
{
    private const string Small = """
        mention_id,author,channel,published_at,text,reach
        m1,@ana,twitter,2026-03-02T09:00:00Z,ACMÉ is down again,1200
        m2,@ana,twitter,2026-03-02T10:00:00Z,@acme why no refund?,1300
        m3,news.example,news,2026-03-03T09:00:00Z,Switched from AcmeBank to Globex,50000
        m4,@bob,forum,2026-03-04T09:00:00Z,acmecorp is a different firm,
        m5,@bob,forum,2026-03-10T09:00:00Z,"Still no refund, refund please",
        m6,@cy,twitter,2026-03-11T09:00:00Z,Otra caída del servicio,90
        """;

    [Fact]
    public void ShareOfVoice_Themes_AndContributors_InJson()
    {
        CliRun run = CliRun.Of("listen", "--input", CliRun.TempFile(Small), "--brand", "Acme,acmebank", "--competitor", "Globex", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("listen", root.GetProperty("metric").GetString());
        Assert.Equal(6, root.GetProperty("mentions").GetInt32());
        Assert.Equal(3, root.GetProperty("mentionsNamingABrand").GetInt32());
        JsonElement acme = root.GetProperty("brands")[0];
        Assert.Equal("Acme", acme.GetProperty("name").GetString());
        Assert.Equal(3, acme.GetProperty("mentions").GetInt32());
        Assert.Equal(0.75, acme.GetProperty("shareOfVoice").GetDouble(), 12);
        Assert.Equal("refund", root.GetProperty("themes")[0].GetProperty("term").GetString());
        Assert.Equal(3, root.GetProperty("themes")[0].GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trending").ValueKind);
        Assert.Equal("@ana", root.GetProperty("contributors").GetProperty("byMentions")[0].GetProperty("author").GetString());
        Assert.Equal("news.example", root.GetProperty("contributors").GetProperty("byReach")[0].GetProperty("author").GetString());
    }

    [Fact]
    public void ByChannel_HasGroups_AndVoiceRowsPerBrand()
    {
        CliRun run = CliRun.Of("listen", "--input", CliRun.TempFile(Small), "--brand", "Acme", "--competitor", "Globex", "--by", "channel", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = run.Out.Trim().Split('\n');
        Assert.StartsWith("key,brand,mentions,shareOfVoice", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("twitter,Acme,2,1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("overall,Globex,1,", StringComparison.Ordinal));
    }

    [Fact]
    public void Views_ListContributorsAndThemes()
    {
        CliRun contributors = CliRun.Of("listen", "--input", CliRun.TempFile(Small), "--view", "contributors", "--format", "csv");
        Assert.True(contributors.ExitCode == 0, contributors.Error);
        Assert.Contains("mentions #1,@ana,2,2500", contributors.Out, StringComparison.Ordinal);
        Assert.Contains("reach #1,news.example,1,50000", contributors.Out, StringComparison.Ordinal);

        CliRun themes = CliRun.Of("listen", "--input", CliRun.TempFile(Small), "--view", "themes", "--ngram", "1", "--format", "csv");
        Assert.True(themes.ExitCode == 0, themes.Error);
        Assert.StartsWith("term,words,count,mentions,sentiment", themes.Out, StringComparison.Ordinal);
        Assert.Contains("refund,1,3,2,", themes.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_TrendingAgainstBaseline_FlagsRefundAndOutage()
    {
        CliRun run = CliRun.Of("listen", "--input", CliRun.SampleFile("mentions.csv"), "--brand", "Acme,acmehelp", "--baseline-until", "2026-03-02", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        string[] trending = doc.RootElement.GetProperty("trending").EnumerateArray().Select(t => t.GetProperty("term").GetString()!).ToArray();
        Assert.Contains("refund", trending);
        Assert.Contains("caida del servicio", trending);
        Assert.All(doc.RootElement.GetProperty("trending").EnumerateArray(), t => Assert.True(t.GetProperty("g2").GetDouble() >= 10.83));
    }

    [Fact]
    public void BadReach_Exits3_WithOneLineNamingFileRowColumnAndMention()
    {
        string file = CliRun.TempFile(Small + "\nm7,@dee,twitter,2026-03-12T09:00:00Z,hello acme,-40\n");
        CliRun run = CliRun.Of("listen", "--input", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":8:reach:", run.Error, StringComparison.Ordinal);
        Assert.Contains("'m7'", run.Error, StringComparison.Ordinal);
        Assert.Contains("-40", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--ngram", "4")]
    [InlineData("--top", "0")]
    [InlineData("--brand", ",alias")]
    [InlineData("--view", "trending")]
    [InlineData("--threshold", "-1")]
    [InlineData("--baseline-until", "last week")]
    public void BadUsage_Exits2(string option, string value)
    {
        CliRun run = CliRun.Of("listen", "--input", CliRun.TempFile(Small), option, value);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void BaselineUntilAndFromTogether_Exit2()
    {
        CliRun run = CliRun.Of("listen", "--input", CliRun.TempFile(Small), "--baseline-until", "2026-03-05", "--baseline-from", "2026-03-01");
        Assert.Equal(2, run.ExitCode);
    }
}

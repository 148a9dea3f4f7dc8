using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class InputAndOutputTests
{
    [Fact]
    public void Csv_QuotesEmbeddedCommasNewlinesBomAndCrlf()
    {
        string path = CliRun.TempFile("comment,score\r\n\"great, fast\",10\r\n\"said \"\"meh\"\"\nthen left\",3\r\n", bom: true);
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void JsonLines_AcceptsSnakeAndCamelCaseAndNumbersOrStrings()
    {
        string path = CliRun.TempFile("{\"score\":10,\"channel\":\"chat\"}\n\n{\"score\":\"3\",\"channel\":\"voice\"}\n", ".jsonl");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--by", "channel", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("overall").GetProperty("count").GetInt32());
    }

    [Fact]
    public void JsonLines_CamelCaseColumn_MapsToSnakeCase()
    {
        string path = CliRun.TempFile("{\"npsScore\":9}\n", ".jsonl");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--score-column", "nps_score", "--format", "json");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void JsonLines_BrokenLine_Exits3_NamingTheLine()
    {
        string path = CliRun.TempFile("{\"score\":9}\n{\"score\":\n", ".jsonl");
        CliRun run = CliRun.Of("survey", "nps", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{path}:2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdin_ReadsCsv()
    {
        CliRun run = CliRun.WithInput("score\n9\n10\n", "survey", "nps", "--input", "-", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(100, doc.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Csv_Format_HasAHeaderAndOneRowPerGroupPlusOverall()
    {
        string path = CliRun.TempFile("score,region\n9,n\n3,s\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--by", "region", "--format", "csv");

        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("key,count,score,standardError,confidenceInterval.level,confidenceInterval.lower,confidenceInterval.upper", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("overall,2,0,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_Format_ShowsEveryGroup()
    {
        string path = CliRun.TempFile("score,region\n9,north\n3,south\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--by", "region");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("north", run.Out, StringComparison.Ordinal);
        Assert.Contains("south", run.Out, StringComparison.Ordinal);
        Assert.Contains("overall", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal); // no ANSI codes in redirected output
    }

    [Fact]
    public void Output_WritesTheFile()
    {
        string input = CliRun.TempFile("score\n9\n");
        string output = Path.Combine(Path.GetTempPath(), $"em-{Guid.NewGuid():N}.json");
        CliRun run = CliRun.Of("survey", "nps", "--input", input, "--format", "json", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(100, doc.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Help_And_Version_Exit0()
    {
        CliRun help = CliRun.Of("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("survey", help.Out, StringComparison.Ordinal);

        CliRun version = CliRun.Of("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.1.0", version.Out, StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Of("survey", "nps", "--help").ExitCode);
    }
}

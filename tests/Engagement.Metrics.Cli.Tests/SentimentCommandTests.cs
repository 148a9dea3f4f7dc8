using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class SentimentCommandTests
{
    [Fact]
    public void Jsonl_writes_one_object_per_row_in_order_with_the_id()
    {
        string path = CliRun.TempFile("id,text\na1,Thanks so much!\na2,I'm still waiting for my refund\na3,\na4,Sigo esperando\n");
        CliRun run = CliRun.Of("sentiment", "--input", path, "--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a1", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("positive", first.RootElement.GetProperty("label").GetString());
        foreach (string field in new[] { "compound", "positive", "neutral", "negative" })
        {
            Assert.Equal(JsonValueKind.Number, first.RootElement.GetProperty(field).ValueKind);
        }

        using JsonDocument second = JsonDocument.Parse(lines[1]);
        // hand-worked in the library tests: "still waiting" = -1.8 -> -1.8 / sqrt(18.24) = -0.4215
        Assert.Equal(-0.4215, second.RootElement.GetProperty("compound").GetDouble());
        using JsonDocument empty = JsonDocument.Parse(lines[2]);
        Assert.Equal("neutral", empty.RootElement.GetProperty("label").GetString());
        using JsonDocument spanish = JsonDocument.Parse(lines[3]);
        Assert.Equal("negative", spanish.RootElement.GetProperty("label").GetString());
    }

    [Fact]
    public void Plain_lines_on_stdin()
    {
        CliRun run = CliRun.WithInput("Great service!\n\nTerrible experience\n", "sentiment", "--format", "jsonl", "--language", "en");
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"label\":\"negative\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_aggregates_overall_and_by_channel()
    {
        CliRun run = CliRun.Of("sentiment", "--input", CliRun.SampleFile("messages.csv"), "--format", "json", "--by", "channel");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(306, overall.GetProperty("count").GetInt64());
        double net = overall.GetProperty("netSentiment").GetDouble();
        JsonElement ci = overall.GetProperty("confidenceInterval");
        Assert.InRange(net, ci.GetProperty("lower").GetDouble(), ci.GetProperty("upper").GetDouble());
        Assert.True(doc.RootElement.GetProperty("groups").GetArrayLength() >= 3);
    }

    [Fact]
    public void Text_column_and_language_options()
    {
        string path = CliRun.TempFile("message\nNo estoy contento\n");
        CliRun run = CliRun.Of("sentiment", "--input", path, "--text-column", "message", "--language", "es", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("negative").GetInt64());
    }

    [Fact]
    public void Missing_text_column_is_bad_data_and_bad_language_is_bad_usage()
    {
        string path = CliRun.TempFile("id,body\n1,hello\n");
        CliRun missing = CliRun.Of("sentiment", "--input", path);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("column 'text' not found", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Of("sentiment", "--input", path, "--language", "fr").ExitCode);
        Assert.Equal(2, CliRun.WithInput("hello\n", "sentiment", "--by", "channel").ExitCode);
    }
}

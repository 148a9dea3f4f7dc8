using System.Text.Json;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Tests;

public class SurveyCommandTests
{
    [Fact]
    public void Nps_Json_HasTheContractFields()
    {
        string path = CliRun.TempFile("score\n10\n9\n9\n8\n7\n6\n3\n10\n9\n5\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("nps", root.GetProperty("metric").GetString());
        Assert.Equal(10, root.GetProperty("count").GetInt32());
        Assert.Equal(20, root.GetProperty("score").GetDouble());
        Assert.Equal(27.568097504180443, root.GetProperty("standardError").GetDouble(), 9);
        Assert.Equal(0.95, root.GetProperty("confidenceInterval").GetProperty("level").GetDouble());
        Assert.Equal(-30.32599443550416, root.GetProperty("confidenceInterval").GetProperty("lower").GetDouble(), 7);
        Assert.Equal(5, root.GetProperty("promoters").GetDouble());
        Assert.Equal(2, root.GetProperty("passives").GetDouble());
        Assert.Equal(3, root.GetProperty("detractors").GetDouble());
    }

    [Fact]
    public void Nps_WaldInterval_OnRequest()
    {
        string path = CliRun.TempFile("score\n10\n9\n9\n8\n7\n6\n3\n10\n9\n5\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--format", "json", "--interval", "wald");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(-34.03247823048222, doc.RootElement.GetProperty("confidenceInterval").GetProperty("lower").GetDouble(), 7);
    }

    [Fact]
    public void Nps_BySample_GroupsAndOverallMatchTheLibrary()
    {
        string sample = CliRun.SampleFile("nps.csv");
        CliRun run = CliRun.Of("survey", "nps", "--input", sample, "--by", "channel", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement groups = doc.RootElement.GetProperty("groups");
        Assert.Equal(["chat", "email", "social", "voice"], groups.EnumerateArray().Select(g => g.GetProperty("key").GetString()));

        // The overall score equals the library on the same column, read independently of the CLI's reader.
        int[] scores = File.ReadLines(sample).Skip(1).Select(l => int.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(NetPromoterScore.Calculate(scores).Score!.Value, doc.RootElement.GetProperty("overall").GetProperty("score").GetDouble(), 12);
        Assert.Equal(scores.Length, groups.EnumerateArray().Sum(g => g.GetProperty("count").GetInt32()));
    }

    [Fact]
    public void Csat_ByPeriod_LabelsQuarters()
    {
        string path = CliRun.TempFile("date,score\n2026-01-15,5\n2026-02-01,2\n2026-04-30T10:00:00Z,4\n");
        CliRun run = CliRun.Of("survey", "csat", "--input", path, "--period", "quarter", "--format", "jsonl");

        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // two quarters and the overall row
        using JsonDocument q1 = JsonDocument.Parse(lines[0]);
        Assert.Equal("2026-Q1", q1.RootElement.GetProperty("key").GetString());
        Assert.Equal(50, q1.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void Ces_LegacyScale_LowerIsEasier()
    {
        string path = CliRun.TempFile("score\n1\n2\n2\n4\n5\n");
        CliRun run = CliRun.Of("survey", "ces", "--input", path, "--lower-is-easier", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(2.8, doc.RootElement.GetProperty("score").GetDouble(), 12);
        Assert.Equal(60, doc.RootElement.GetProperty("easyShare").GetDouble(), 12);
    }

    [Fact]
    public void Csat_Weighted_UsesTheWeightColumn()
    {
        string path = CliRun.TempFile("score,w\n5,3\n1,1\n");
        CliRun run = CliRun.Of("survey", "csat", "--input", path, "--weight-column", "w", "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(75, doc.RootElement.GetProperty("score").GetDouble(), 12);
    }

    [Fact]
    public void Empty_File_ReportsCountZeroAndNullScore()
    {
        string path = CliRun.TempFile("score\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("score").ValueKind);
    }

    [Fact]
    public void ScoreOffScale_Exits3_WithOneLineNamingFileRowColumnAndValue()
    {
        string path = CliRun.DataFile("nps-bad-score.csv");
        CliRun run = CliRun.Of("survey", "nps", "--input", path);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Out);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{path}:4:score:", line, StringComparison.Ordinal); // header is row 1
        Assert.Contains("42", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NotANumber_Exits3()
    {
        string path = CliRun.TempFile("score\n9\nten\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":3:score: 'ten' is not a whole number", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipInvalid_CountsAndReportsSkippedRows()
    {
        string path = CliRun.DataFile("nps-bad-score.csv");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--skip-invalid", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("skippedRows").GetInt32());
        Assert.Contains("skipped 1 invalid row", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumn_Exits3_ListingTheColumns()
    {
        string path = CliRun.TempFile("rating,channel\n9,chat\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("column 'score' not found; the columns are: rating, channel", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadWeight_Exits3_NamingTheWeightColumn()
    {
        string path = CliRun.TempFile("score,w\n9,1\n9,-2\n");
        CliRun run = CliRun.Of("survey", "nps", "--input", path, "--weight-column", "w");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":3:w:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("survey", "nps", "--input", "x.csv", "--confidence", "1.5")]
    [InlineData("survey", "nps", "--input", "does-not-exist.csv")]
    [InlineData("survey", "nps", "--bogus")]
    [InlineData("survey", "nps", "--input", "x.csv", "--interval", "exact")]
    [InlineData("survey", "csat", "--input", "x.csv", "--scale", "five")]
    public void BadUsage_Exits2_WithOneLine(params string[] args)
    {
        string path = CliRun.TempFile("score\n5\n");
        CliRun run = CliRun.Of(args.Select(a => a == "x.csv" ? path : a).ToArray());
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Csat_ThresholdOffScale_Exits2_WithTheLibrarysReason()
    {
        string path = CliRun.TempFile("score\n5\n");
        CliRun run = CliRun.Of("survey", "csat", "--input", path, "--threshold", "9");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SatisfiedThreshold 9", run.Error, StringComparison.Ordinal);
    }
}

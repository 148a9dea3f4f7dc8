using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ChurnCommandTests
{
    // docs/metrics/churn.md's January example (ChurnTests in the library tests works it by hand):
    // S = 3, L = 3, N = 3, E = 3; simple churn 1/3.
    private const string January = """
        customer_id,start_date,end_date,channel
        a,2024-06-01,,web
        b,2024-11-15,2025-01-10,web
        c,2024-12-01,2025-02-01,partner
        d,2025-01-01,,partner
        e,2025-01-20,2025-01-25,web
        f,2024-03-01,2024-12-31,web
        g,2025-02-10,,web
        h,2025-01-01,2025-01-01,partner
        """;

    [Fact]
    public void Rate_Simple_WorkedExample()
    {
        string file = CliRun.TempFile(January);
        CliRun run = CliRun.Of("churn", "rate", "--input", file, "--from", "2025-01-01", "--to", "2025-02-01", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal("simple", root.GetProperty("method").GetString());
        Assert.Equal(1.0 / 3, root.GetProperty("rate").GetDouble(), 12);
        Assert.Equal(3, root.GetProperty("startCustomers").GetInt64());
        Assert.Equal(3, root.GetProperty("endCustomers").GetInt64());
        Assert.Equal(3, root.GetProperty("lost").GetInt64());
        Assert.Equal(3, root.GetProperty("acquired").GetInt64());
    }

    [Fact]
    public void Rate_AdjustedAndPredictive_ByChannel()
    {
        string file = CliRun.TempFile(January);
        CliRun adjusted = CliRun.Of("churn", "rate", "--input", file, "--method", "adjusted", "--from", "2025-01-01", "--to", "2025-02-01", "--format", "json");
        using JsonDocument a = JsonDocument.Parse(adjusted.Out);
        Assert.Equal(1.0, a.RootElement.GetProperty("rate").GetDouble(), 12);

        CliRun predictive = CliRun.Of("churn", "rate", "--input", file, "--method", "predictive", "--from", "2025-01-01", "--to", "2025-02-01", "--by", "channel", "--format", "json");
        Assert.Equal(0, predictive.ExitCode);
        using JsonDocument p = JsonDocument.Parse(predictive.Out);
        Assert.Equal(1 - Math.Pow(1 - (3.0 / 107), 31), p.RootElement.GetProperty("overall").GetProperty("rate").GetDouble(), 12);
        Assert.Equal(2, p.RootElement.GetProperty("groups").GetArrayLength());
        Assert.Equal("partner", p.RootElement.GetProperty("groups")[0].GetProperty("key").GetString());
    }

    // Fader & Hardie (2007) Regular cohort, years 0–7: α = 0.704, β = 1.182 (3 significant figures), DERL(10 %) = 6.842.
    [Fact]
    public void Sbg_PublishedCohort()
    {
        CliRun run = CliRun.Of("churn", "sbg", "--survivors", "1000,631,468,382,326,289,262,241", "--horizon", "12", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(0.704, Math.Round(root.GetProperty("parameters").GetProperty("alpha").GetDouble(), 3));
        Assert.Equal(1.182, Math.Round(root.GetProperty("parameters").GetProperty("beta").GetDouble(), 3));
        Assert.Equal(-1680.27, Math.Round(root.GetProperty("logLikelihood").GetDouble(), 2));
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal(12, root.GetProperty("retention").GetArrayLength());
        Assert.Equal(13, root.GetProperty("projection").GetArrayLength());
        Assert.Equal(170.0, Math.Round(root.GetProperty("projection")[12].GetDouble(), 1));
        Assert.Equal(6.842, Math.Round(root.GetProperty("derl").GetDouble(), 3));
    }

    [Theory]
    [InlineData("1000,631,700", "survivors[2] is 700")]
    [InlineData("1000,-5", "survivors[1] is -5")]
    [InlineData("1000,abc", "'abc'")]
    public void Sbg_BadSurvivors_ExitsThree(string survivors, string expected)
    {
        CliRun run = CliRun.Of("churn", "sbg", "--survivors", survivors);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Survival_ByChannel_HasCurvesAndLogRank()
    {
        CliRun run = CliRun.Of("churn", "survival", "--input", CliRun.SampleFile("customers.csv"), "--as-of", "2025-12-31", "--by", "channel", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        JsonElement curve = root.GetProperty("overall").GetProperty("curve");
        Assert.True(curve.GetArrayLength() > 10);
        JsonElement first = curve[0];
        foreach (string field in new[] { "time", "survival", "atRisk", "events" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        Assert.Equal(300, root.GetProperty("overall").GetProperty("customers").GetInt64());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("overall").GetProperty("medianLifetimeDays").ValueKind);
        double p = root.GetProperty("logRank").GetProperty("pValue").GetDouble();
        Assert.InRange(p, 0, 0.05);
    }

    [Fact]
    public void Survival_WorkedExample_MedianAndCensoring()
    {
        string file = CliRun.TempFile(January);
        CliRun run = CliRun.Of("churn", "survival", "--input", file, "--as-of", "2025-02-15", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        // Lifetimes: b 56, c 62, e 5, f 305, h 0 churned; a, d, g censored → 5 events among 8.
        Assert.Equal(8, doc.RootElement.GetProperty("customers").GetInt64());
        Assert.Equal(5, doc.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public void Cohorts_Table()
    {
        CliRun run = CliRun.Of("churn", "cohorts", "--input", CliRun.SampleFile("customers.csv"), "--as-of", "2025-12-31", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement cohorts = doc.RootElement.GetProperty("cohorts");
        Assert.Equal(24, cohorts.GetArrayLength());
        Assert.Equal("2024-01", cohorts[0].GetProperty("cohort").GetString());
        Assert.Equal(24, cohorts[0].GetProperty("retained").GetArrayLength());
        Assert.Equal(1, cohorts[23].GetProperty("retained").GetArrayLength());
    }

    [Fact]
    public void EndBeforeStart_ExitsThreeNamingRowAndValue()
    {
        string file = CliRun.DataFile("churn-end-before-start.csv");
        CliRun run = CliRun.Of("churn", "rate", "--input", file, "--from", "2025-01-01", "--to", "2025-02-01");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("churn-end-before-start.csv:3:end_date", run.Error, StringComparison.Ordinal);
        Assert.Contains("2025-01-03", run.Error, StringComparison.Ordinal);
        Assert.Contains("A2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));

        CliRun skipped = CliRun.Of("churn", "rate", "--input", file, "--from", "2025-01-01", "--to", "2025-02-01", "--skip-invalid", "--format", "json");
        Assert.Equal(0, skipped.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(skipped.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("skippedRows").GetInt32());
    }

    [Fact]
    public void StartAfterAsOf_ExitsThree()
    {
        string file = CliRun.TempFile(January);
        CliRun run = CliRun.Of("churn", "survival", "--input", file, "--as-of", "2025-01-31");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":8:start_date", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2025-13-01")]
    [InlineData("--to", "2024-12-01")]
    public void BadPeriod_IsUsageError(string option, string value)
    {
        string[] args = ["churn", "rate", "--input", CliRun.SampleFile("customers.csv"), "--from", "2025-01-01", "--to", "2025-02-01"];
        args[Array.IndexOf(args, option) + 1] = value;
        Assert.Equal(2, CliRun.Of(args).ExitCode);
    }
}

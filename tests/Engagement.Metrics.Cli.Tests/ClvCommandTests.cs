using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ClvCommandTests
{
    private static string Transactions => CliRun.SampleFile("transactions.csv");

    [Fact]
    public void Summary_writes_the_rfm_csv_that_fit_reads_back()
    {
        CliRun summary = CliRun.Of("clv", "summary", "--input", Transactions, "--observation-end", "2025-12-31", "--time-unit", "weeks", "--format", "csv");
        Assert.Equal(0, summary.ExitCode);
        Assert.StartsWith("customer_id,frequency,recency,T,monetary_value", summary.Out, StringComparison.Ordinal);

        string rfm = CliRun.TempFile(summary.Out);
        CliRun fromRfm = CliRun.Of("clv", "fit", "--input", rfm, "--format", "json");
        CliRun fromTransactions = CliRun.Of("clv", "fit", "--input", Transactions, "--observation-end", "2025-12-31", "--time-unit", "weeks", "--format", "json");
        Assert.Equal(0, fromRfm.ExitCode);
        using JsonDocument a = JsonDocument.Parse(fromRfm.Out), b = JsonDocument.Parse(fromTransactions.Out);
        Assert.Equal(b.RootElement.GetProperty("parameters").GetProperty("r").GetDouble(), a.RootElement.GetProperty("parameters").GetProperty("r").GetDouble(), 6);
    }

    [Theory]
    [InlineData("bgnbd", new[] { "r", "alpha", "a", "b" })]
    [InlineData("paretonbd", new[] { "r", "alpha", "s", "beta" })]
    [InlineData("mbgnbd", new[] { "r", "alpha", "a", "b" })]
    [InlineData("gammagamma", new[] { "p", "q", "v" })]
    public void Fit_reports_the_contract_fields(string model, string[] parameters)
    {
        CliRun run = CliRun.Of("clv", "fit", "--model", model, "--input", Transactions, "--observation-end", "2025-12-31", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(model, root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.True(root.GetProperty("logLikelihood").GetDouble() < 0);
        Assert.True(root.GetProperty("customers").GetInt32() > 0);
        foreach (string p in parameters)
        {
            Assert.True(root.GetProperty("parameters").GetProperty(p).GetDouble() > 0);
            Assert.True(root.GetProperty("standardErrors").GetProperty(p).GetDouble() > 0);
        }
    }

    [Fact]
    public void Predict_gives_one_row_per_customer_with_clv()
    {
        CliRun run = CliRun.Of("clv", "predict", "--input", Transactions, "--observation-end", "2025-12-31", "--time-unit", "weeks", "--discount-rate", "0.01", "--horizon", "26", "--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, lines.Length);
        foreach (string line in lines)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement r = doc.RootElement;
            Assert.False(string.IsNullOrEmpty(r.GetProperty("customerId").GetString()));
            Assert.InRange(r.GetProperty("probabilityAlive").GetDouble(), 0, 1);
            Assert.True(r.GetProperty("expectedPurchases").GetDouble() >= 0);
            Assert.True(r.GetProperty("expectedValue").GetDouble() > 0);
            Assert.True(r.GetProperty("clv").GetDouble() >= 0);
        }
    }

    [Fact]
    public void Recency_after_T_is_bad_data_naming_the_customer()
    {
        string file = CliRun.TempFile("customer_id,frequency,recency,T,monetary_value\nc1,1,2,5,10\nc2,2,9,5,10\n");
        CliRun run = CliRun.Of("clv", "fit", "--input", file);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":3:", run.Error, StringComparison.Ordinal); // the header is row 1
        Assert.Contains("c2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Unparseable_frequency_names_file_row_and_column()
    {
        string file = CliRun.TempFile("customer_id,frequency,recency,T\nc1,x,2,5\n");
        CliRun run = CliRun.Of("clv", "fit", "--input", file);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":2:frequency", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Transactions_without_observation_end_and_unknown_models_are_usage_errors()
    {
        Assert.Equal(2, CliRun.Of("clv", "fit", "--input", Transactions).ExitCode);
        Assert.Equal(2, CliRun.Of("clv", "fit", "--model", "nope", "--input", Transactions, "--observation-end", "2025-12-31").ExitCode);
        Assert.Equal(2, CliRun.Of("clv", "predict", "--model", "gammagamma", "--input", Transactions, "--observation-end", "2025-12-31").ExitCode);
    }

    [Fact]
    public void Bgbb_reproduces_the_published_donation_fit()
    {
        // Fader, Hardie & Shang (2010) via lifetimes' TestBetaGeoBetaBinomFitter: α, β, γ, δ = 1.204, 0.750, 0.657, 2.783
        // (decimal=2); 11,104 donors in 22 weighted patterns. The library's BgBbTests hold the tighter checks.
        CliRun run = CliRun.Of("clv", "fit", "--model", "bgbb", "--input", CliRun.SampleFile("donations.csv"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement parameters = doc.RootElement.GetProperty("parameters");
        Assert.Equal(1.204, parameters.GetProperty("alpha").GetDouble(), 0.002);
        Assert.Equal(0.750, parameters.GetProperty("beta").GetDouble(), 0.002);
        Assert.Equal(0.657, parameters.GetProperty("gamma").GetDouble(), 0.002);
        Assert.Equal(2.783, parameters.GetProperty("delta").GetDouble(), 0.002);
        Assert.Equal(11104, doc.RootElement.GetProperty("customers").GetDouble());
        Assert.True(doc.RootElement.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Bgbb_bad_row_exits_3_naming_the_row()
    {
        string file = CliRun.TempFile("frequency,recency,periods,weights\n1,1,6,10\n3,2,6,5\n");
        CliRun run = CliRun.Of("clv", "fit", "--model", "bgbb", "--input", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":3", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}

using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Engagement.Metrics.Cli.Tests;

public partial class ReportCommandTests
{
    private static readonly string[] Sections = ["surveys", "service", "channels", "sentiment", "social", "reputation", "retention", "lifetimeValue", "engagementScore", "funnel", "listening"];

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"em-report-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Report_OnTheSample_PrintsEverySection()
    {
        CliRun run = CliRun.Of("report", "--sample");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string title in new[] { "Surveys: NPS, CSAT, CES", "Service", "Channels", "Sentiment by channel", "Social engagement", "Reviews and reputation", "Churn and retention", "Customer lifetime value", "Conversations and engagement score", "Campaign funnel", "Listening: themes, trending themes and contributors" })
        {
            Assert.Contains($"== {title} ==", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Survey KPIs by month", run.Out, StringComparison.Ordinal);
        Assert.Contains("Conversation signals by channel", run.Out, StringComparison.Ordinal);
        Assert.Contains("Kaplan–Meier survival", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped: needs customers.csv", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SampleAndCommittedFolder_GiveTheSameNumbers()
    {
        CliRun sample = CliRun.Of("report", "--sample", "--format", "json");
        CliRun folder = CliRun.Of("report", "--input-dir", CliRun.SampleFile("generated"), "--format", "json");

        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(0, folder.ExitCode);
        Assert.Equal(JsonNode.Parse(sample.Out)!["sections"]!.ToJsonString(), JsonNode.Parse(folder.Out)!["sections"]!.ToJsonString());
    }

    [Fact]
    public void Report_Json_HasTheExpectedFields()
    {
        CliRun run = CliRun.Of("report", "--sample", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        JsonNode doc = JsonNode.Parse(run.Out)!;
        Assert.Equal("engagement-metrics", doc["report"]!.GetValue<string>());
        Assert.Equal(0.95, doc["confidenceLevel"]!.GetValue<double>());
        JsonNode s = doc["sections"]!;
        foreach (string section in Sections)
        {
            Assert.True(s[section] is JsonObject, $"section {section} should have data");
        }

        JsonNode engagement = s["engagementScore"]!;
        Assert.InRange(engagement["overall"]!["engagementScore"]!.GetValue<double>(), 0, 100);
        Assert.Equal(engagement["customersScored"]!.GetValue<int>(), engagement["scoreDistribution"]!.AsArray().Sum(b => b!["customers"]!.GetValue<double>()));
        Assert.NotEmpty(engagement["monthlyScore"]!.AsArray());
        Assert.InRange(s["funnel"]!["overall"]!["deliveryRate"]!["value"]!.GetValue<double>(), 0, 1);
        Assert.Equal(s["funnel"]!["frequency"]!["customers"]!.GetValue<long>(), s["funnel"]!["frequency"]!["buckets"]!.AsArray().Sum(b => b!["customers"]!.GetValue<long>()));
        Assert.NotEmpty(s["listening"]!["themes"]!.AsArray());

        JsonNode nps = s["surveys"]!["nps"]!;
        double score = nps["score"]!.GetValue<double>();
        Assert.InRange(score, nps["confidenceInterval"]!["lower"]!.GetValue<double>(), nps["confidenceInterval"]!["upper"]!.GetValue<double>());
        Assert.True(nps["trend"]!.AsArray().Count >= 12);
        Assert.NotNull(s["surveys"]!["csat"]!["trend"]![0]!["confidenceInterval"]);
        Assert.NotNull(s["service"]!["fcr"]!["value"]);
        Assert.NotEmpty(s["channels"]!["channels"]!.AsArray());
        Assert.NotEmpty(s["sentiment"]!["channels"]!.AsArray());
        Assert.NotNull(s["social"]!["overall"]!["engagementRate"]);
        Assert.InRange(s["reputation"]!["score"]!.GetValue<double>(), 0, 1000);
        Assert.NotNull(s["retention"]!["survival"]!["medianLifetimeDays"]);
        Assert.True(s["retention"]!["sbg"]!["converged"]!.GetValue<bool>());
        Assert.Equal(12, s["retention"]!["monthlyChurn"]!.AsArray().Count);
        Assert.True(s["lifetimeValue"]!["purchaseModel"]!["converged"]!.GetValue<bool>());
        Assert.Equal(20, s["lifetimeValue"]!["clv"]!["histogram"]!.AsArray().Count);
        Assert.Equal(400, s["lifetimeValue"]!["clv"]!["histogram"]!.AsArray().Sum(b => b!["customers"]!.GetValue<double>()));
    }

    [Fact]
    public void Report_Html_IsOneSelfContainedPageWithCharts()
    {
        string page = Path.Combine(TempDir(), "report.html");
        CliRun run = CliRun.Of("report", "--sample", "--html", page);

        Assert.Equal(0, run.ExitCode);
        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Chart.js v4.6.1", html, StringComparison.Ordinal);
        foreach (string chart in new[] { "chart-surveys-nps-trend", "chart-surveys-csat-trend", "chart-retention-survival", "chart-retention-retention", "chart-channels-mix", "chart-sentiment-by-channel", "chart-lifetimeValue-clv-histogram" })
        {
            Assert.Contains($"<canvas id=\"{chart}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<canvas id=\"chart-engagementScore-distribution\"", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/json\" id=\"report-data\">", html, StringComparison.Ordinal);
        Assert.Matches("<script type=\"application/json\" id=\"chart-data\">\\[\\{", html);

        // Nothing is loaded from the network: no external src/href, no <link>, no script src at all.
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<script[^>]*\\ssrc=", html);

        // URLs may only appear inside the licence comments of the inlined library.
        string withoutComments = BlockComment().Replace(HtmlComment().Replace(html, ""), "");
        Assert.DoesNotContain("http://", withoutComments, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", withoutComments, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingInputs_AreSkippedWithANote()
    {
        string dir = TempDir();
        File.Copy(CliRun.SampleFile("generated/nps.csv"), Path.Combine(dir, "nps.csv"));

        CliRun table = CliRun.Of("report", "--input-dir", dir);
        CliRun json = CliRun.Of("report", "--input-dir", dir, "--format", "json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("skipped: needs customers.csv", table.Out, StringComparison.Ordinal);
        Assert.Contains("CSAT: no csat.csv in the folder.", table.Out, StringComparison.Ordinal);
        JsonNode doc = JsonNode.Parse(json.Out)!;
        Assert.NotNull(doc["sections"]!["surveys"]!["nps"]);
        Assert.Null(doc["sections"]!["surveys"]!["csat"]);
        foreach (string section in Sections.Skip(1))
        {
            Assert.Null(doc["sections"]![section]);
            Assert.Contains(doc["notes"]!.AsArray(), n => n!["section"]!.GetValue<string>() == section && n["note"]!.GetValue<string>().StartsWith("skipped: needs ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Report_EmptyFolder_SkipsEverything()
    {
        CliRun run = CliRun.Of("report", "--input-dir", TempDir(), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.All(JsonNode.Parse(run.Out)!["sections"]!.AsObject(), s => Assert.Null(s.Value));
    }

    [Theory]
    [InlineData("nps.csv", "r1,c1,email,north,2026-01-05T10:00:00Z,11,1", "nps.csv:3:score")]
    [InlineData("customers.csv", "C2,2025-05-01,2025-04-01,web,9.99", "customers.csv:3:end_date")]
    [InlineData("contacts.csv", "K2,C1,voice,billing,2026-03-02T09:00:00Z,,,abc,0,0,0,true,false", "contacts.csv:3:talk_seconds")]
    [InlineData("transactions.csv", "c2,yesterday,3.50", "transactions.csv:3:date")]
    public void Report_BadRow_ExitsWithDataErrorNamingFileRowColumn(string file, string badRow, string expected)
    {
        string dir = TempDir();
        string header = file switch
        {
            "nps.csv" => "response_id,customer_id,channel,region,responded_at,score,weight\nr0,c0,email,north,2026-01-04T10:00:00Z,9,1",
            "customers.csv" => "customer_id,start_date,end_date,channel,monthly_revenue\nC1,2025-01-01,,web,9.99",
            "contacts.csv" => "contact_id,customer_id,channel,reason,queued_at,answered_at,ended_at,talk_seconds,hold_seconds,conference_seconds,wrap_seconds,resolved,abandoned\nK1,C1,voice,billing,2026-03-02T08:00:00Z,2026-03-02T08:00:30Z,2026-03-02T08:05:30Z,300,0,0,30,true,false",
            _ => "customer_id,date,amount\nc1,2026-01-01,10",
        };
        File.WriteAllText(Path.Combine(dir, file), header + "\n" + badRow + "\n");

        CliRun run = CliRun.Of("report", "--input-dir", dir);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData]
    [InlineData("--sample", "--input-dir", ".")]
    [InlineData("--sample", "--format", "csv")]
    [InlineData("--input-dir", "/no/such/folder")]
    [InlineData("--sample", "--confidence", "1.5")]
    public void Report_BadUsage_ExitsTwo(params string[] args)
    {
        CliRun run = CliRun.Of(["report", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex("/\\*!.*?\\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}

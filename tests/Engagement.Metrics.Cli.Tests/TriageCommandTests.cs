using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class TriageCommandTests
{
    private const string AsOf = "2026-03-09T14:00:00Z";

    [Fact]
    public void Jsonl_rows_carry_ids_class_priority_and_reasons_highest_first()
    {
        CliRun run = CliRun.Of("triage", "--input", CliRun.SampleFile("inbox.csv"), "--as-of", AsOf, "--format", "jsonl");
        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);  // 26 rows, 6 answered or outbound
        double previous = double.MaxValue;
        bool automatedSeen = false;
        foreach (string line in lines)
        {
            using JsonDocument row = JsonDocument.Parse(line);
            JsonElement r = row.RootElement;
            foreach (string field in new[] { "messageId", "conversationId", "customerId", "class", "reasons" })
            {
                Assert.Equal(JsonValueKind.String, r.GetProperty(field).ValueKind);
            }

            double priority = r.GetProperty("priority").GetDouble();
            Assert.InRange(priority, 0, 100);
            bool automated = r.GetProperty("class").GetString() == "automated";
            if (automated && !automatedSeen)
            {
                automatedSeen = true;
                previous = double.MaxValue;
            }

            Assert.False(automatedSeen && !automated, "automated messages come last");
            Assert.True(priority <= previous, $"not ranked: {line}");
            previous = priority;
        }

        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("i005", first.RootElement.GetProperty("messageId").GetString());
        Assert.Contains("cancel*", first.RootElement.GetProperty("reasons").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_counts_classes_and_lists_hostile_customers_and_top_limits_the_queue()
    {
        CliRun run = CliRun.Of("triage", "--input", CliRun.SampleFile("inbox.csv"), "--as-of", AsOf, "--format", "json", "--top", "3", "--language", "auto");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("queue").GetArrayLength());
        Assert.Equal(20, root.GetProperty("open").GetInt32());
        Assert.Equal(20, root.GetProperty("interactive").GetInt32() + root.GetProperty("informational").GetInt32() + root.GetProperty("automated").GetInt32());
        Assert.Contains(root.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("customerId").GetString() == "cust118" && a.GetProperty("rule").GetString() == "SentimentBelowThreshold");
    }

    [Fact]
    public void Messages_csv_sample_runs_with_the_default_as_of()
    {
        CliRun run = CliRun.Of("triage", "--input", CliRun.SampleFile("messages.csv"), "--format", "csv", "--top", "5");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("rank,messageId,conversationId,customerId,class", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_data_exits_3_naming_file_row_column_and_value()
    {
        string bad = CliRun.TempFile("message_id,conversation_id,customer_id,channel,direction,sent_at,text,clv\nm1,c1,u1,sms,inbound,2026-03-01T10:00:00Z,hello?,-20\n");
        CliRun run = CliRun.Of("triage", "--input", bad);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":2:clv: -20 is negative", run.Error, StringComparison.Ordinal);

        string late = CliRun.TempFile("conversation_id,customer_id,channel,direction,sent_at,text\nc1,u1,sms,inbound,2026-03-01T10:00:00Z,hello?\n");
        CliRun after = CliRun.Of("triage", "--input", late, "--as-of", "2026-03-01T09:00:00Z");
        Assert.Equal(3, after.ExitCode);
        Assert.Contains(":2:sent_at:", after.Error, StringComparison.Ordinal);
        Assert.Contains("after --as-of", after.Error, StringComparison.Ordinal);

        string direction = CliRun.TempFile("conversation_id,customer_id,channel,direction,sent_at,text\nc1,u1,sms,sideways,2026-03-01T10:00:00Z,hi\n");
        Assert.Contains("'sideways' is not a direction", CliRun.Of("triage", "--input", direction).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRun.Of("triage", "--input", CliRun.SampleFile("inbox.csv"), "--top", "0").ExitCode);
        Assert.Equal(2, CliRun.Of("triage", "--input", CliRun.SampleFile("inbox.csv"), "--as-of", "yesterday").ExitCode);
        Assert.Equal(2, CliRun.Of("triage", "--input", CliRun.SampleFile("inbox.csv"), "--language", "fr").ExitCode);
    }
}

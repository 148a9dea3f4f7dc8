using System.Text.Json;

namespace Engagement.Metrics.Cli.Tests;

public class ConversationsCommandTests
{
    private const string Header = "message_id,conversation_id,customer_id,channel,direction,sent_at,text,sentiment,resolved\n";

    // The worked example of docs/metrics/engagement-signals.md (same messages as the library test).
    private const string WorkedExample = Header
        + "m1,c1,alice,chat,inbound,2026-03-03T09:00:00Z,\"Hi, my order hasn't arrived. Where is it?\",-0.4,\n"
        + "m2,c1,alice,chat,outbound,2026-03-03T09:10:00Z,Sorry about that! Can you send me the order number?,,\n"
        + "m3,c1,alice,chat,inbound,2026-03-03T09:40:00Z,\"Sure, it's 12345. How long will it take?\",0.0,\n"
        + "m4,c1,alice,chat,outbound,2026-03-03T10:00:00Z,It ships tomorrow.,,\n"
        + "m5,c1,alice,chat,inbound,2026-03-03T12:00:00Z,\"Great, thanks!\",0.6,\n"
        + "m6,c1,alice,chat,outbound,2026-03-03T12:05:00Z,You're welcome.,,true\n"
        + "m7,c2,alice,email,outbound,2026-03-05T09:00:00Z,Your invoice is ready.,,\n"
        + "m8,c2,alice,email,inbound,2026-03-05T10:00:00Z,Why is it higher than last month,-0.5,\n"
        + "m9,c2,alice,email,outbound,2026-03-05T10:30:00Z,A price change in March; details attached.,,\n"
        + "m10,c3,bruno,whatsapp,inbound,2026-03-04T08:00:00Z,¿Cuánto cuesta el envío a Sevilla?,0.0,\n"
        + "m11,c3,bruno,whatsapp,outbound,2026-03-04T08:20:00Z,\"Son 4,99 €. ¿Quieres que lo añada al pedido?\",,\n"
        + "m12,c3,bruno,whatsapp,inbound,2026-03-04T08:50:00Z,\"Sí, por favor. Cómo pago con tarjeta\",0.3,\n"
        + "m13,c3,bruno,whatsapp,outbound,2026-03-04T09:00:00Z,Te envío el enlace de pago.,,\n"
        + "m14,c3,bruno,whatsapp,inbound,2026-03-04T09:05:00Z,\"Gracias, ¡perfecto!\",0.8,\n";

    [Fact]
    public void WorkedExample_Json_HasTheContractFields()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--format", "json", "--as-of", "2026-03-10T12:00:00Z");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(5.0 / 7, overall.GetProperty("responseRate").GetDouble(), 12);
        Assert.Equal(1800, overall.GetProperty("medianCustomerResponseSeconds").GetDouble(), 9);
        Assert.Equal(6800, overall.GetProperty("meanDurationSeconds").GetDouble(), 9);
        Assert.Equal(5.0 / 3, overall.GetProperty("questionsPerConversation").GetDouble(), 12);
        Assert.Equal(1.0 / 3, overall.GetProperty("abandonmentRate").GetDouble(), 12);
        Assert.Equal(0.5, overall.GetProperty("repeatInteractionRate").GetDouble(), 12);
        Assert.Equal(74.7925, overall.GetProperty("engagementScore").GetDouble(), 4);
        JsonElement[] channels = doc.RootElement.GetProperty("channels").EnumerateArray().ToArray();
        Assert.Equal(["chat", "email", "whatsapp"], channels.Select(c => c.GetProperty("key").GetString()));
        Assert.All(channels, c => Assert.True(c.TryGetProperty("engagementScore", out _)));
    }

    [Fact]
    public void PerCustomer_Jsonl_RowsCarryTheCustomerId()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--format", "jsonl", "--per", "customer");
        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["alice", "bruno"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customerId").GetString()));
    }

    [Fact]
    public void PerConversation_Csv_RowsCarryTheConversationId()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--format", "csv", "--per", "conversation");
        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("conversationId,customerId", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Period_AddsTrendAndAlerts()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--format", "json", "--period", "day");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement trend = doc.RootElement.GetProperty("trend");
        Assert.Equal("day", trend.GetProperty("period").GetString());
        Assert.Equal(3, trend.GetProperty("overall").GetArrayLength()); // 3, 4 and 5 March
        Assert.Equal(JsonValueKind.Array, trend.GetProperty("alerts").ValueKind);
    }

    [Theory]
    [InlineData("m2,c1,alice,chat,sideways,2026-03-03T09:10:00Z,hi,,\n", ":3:direction:", "sideways")]
    [InlineData("m2,c1,bob,chat,inbound,2026-03-03T09:10:00Z,hi,,\n", ":3:customer_id:", "alice")]
    [InlineData("m2,c1,alice,chat,inbound,2026-03-03T09:10:00Z,hi,2.5,\n", ":3:sentiment:", "2.5")]
    [InlineData("m2,c1,alice,chat,inbound,yesterday,hi,,\n", ":3:sent_at:", "yesterday")]
    public void BadRow_Exits3_NamingFileRowColumnAndValue(string badRow, string where, string value)
    {
        string path = CliRun.TempFile(Header + "m1,c1,alice,chat,inbound,2026-03-03T09:00:00Z,hello,,\n" + badRow);
        CliRun run = CliRun.Of("conversations", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(where, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeLength_Exits3()
    {
        string path = CliRun.TempFile("conversation_id,customer_id,channel,direction,sent_at,length\nc1,a,sms,inbound,2026-03-03T09:00:00Z,-4\n");
        CliRun run = CliRun.Of("conversations", "--input", path);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":2:length:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleFile_ScoresTextWithoutASentimentColumn()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.SampleFile("messages.csv"), "--format", "json", "--language", "auto");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(72, overall.GetProperty("conversations").GetInt32());
        Assert.Equal(JsonValueKind.Number, overall.GetProperty("meanSentimentShift").ValueKind);
    }

    [Fact]
    public void UnsupportedBy_IsAUsageError()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--by", "customer_id");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void CloseAfterHours_StreamsTheWorkedExample_ToTheSameCountsAndRates()
    {
        // The file is in time order per conversation and at most a day out of order overall, within 48 hours.
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--format", "json", "--as-of", "2026-03-10T12:00:00Z", "--close-after-hours", "48");

        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        JsonElement overall = doc.RootElement.GetProperty("overall");
        Assert.Equal(5.0 / 7, overall.GetProperty("responseRate").GetDouble(), 12);
        Assert.Equal(6800, overall.GetProperty("meanDurationSeconds").GetDouble(), 9);
        Assert.Equal(1.0 / 3, overall.GetProperty("abandonmentRate").GetDouble(), 12);
        Assert.Equal(0.5, overall.GetProperty("repeatInteractionRate").GetDouble(), 12);
        Assert.InRange(overall.GetProperty("medianCustomerResponseSeconds").GetDouble(), 1800 * 0.99, 1800 * 1.01); // DDSketch, 1 %
        Assert.InRange(overall.GetProperty("engagementScore").GetDouble(), 74.29, 75.29);
    }

    [Fact]
    public void CloseAfterHours_LateMessage_Exits3NamingSentAt()
    {
        string path = CliRun.TempFile(Header
            + "m1,c1,alice,chat,inbound,2026-03-10T09:00:00Z,hello,,\n"
            + "m2,c2,bruno,chat,inbound,2026-03-05T09:00:00Z,hi,,\n");
        CliRun run = CliRun.Of("conversations", "--input", path, "--close-after-hours", "48");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(":3:sent_at:", run.Error, StringComparison.Ordinal);
        Assert.Contains("CloseAfter", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CloseAfterHours_WithPerConversation_IsAUsageError()
    {
        CliRun run = CliRun.Of("conversations", "--input", CliRun.TempFile(WorkedExample), "--per", "conversation", "--close-after-hours", "48");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--close-after-hours", run.Error, StringComparison.Ordinal);
    }
}

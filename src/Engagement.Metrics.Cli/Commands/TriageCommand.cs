using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Triage;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>triage</c>: the open (unanswered) inbound messages of a conversations file at an as-of instant, each classified
/// (interactive, informational, automated) and scored 0–100, highest priority first; <c>json</c> adds counts per class
/// and the customers who turned hostile.
/// </summary>
internal static class TriageCommand
{
    private static readonly string[] RequiredColumns = ["conversation_id", "customer_id", "channel", "direction", "sent_at", "text"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("triage", "Triage: classify the unanswered inbound messages (interactive, informational, automated/spam) and rank them by a 0-100 priority from sentiment, severity terms, CLV and waiting time.");
        var common = new CommonOptions();
        common.AddTo(command);
        var asOf = new Option<string?>("--as-of") { Description = "Instant the queue is built at, ISO 8601 (default: the latest sent_at in the input)." };
        var language = new Option<string>("--language") { Description = "Language of the sentiment lexicon; auto detects it per message.", DefaultValueFactory = _ => "auto" };
        language.AcceptOnlyFromAmong("auto", "en", "es");
        var top = new Option<int?>("--top") { Description = "Show only the N highest-priority messages." };
        command.Options.Add(asOf);
        command.Options.Add(language);
        command.Options.Add(top);
        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is not null || settings.Period is not null)
            {
                throw new UsageException("triage ranks messages; --by and --period do not apply.");
            }

            int? limit = parsed.GetValue(top);
            if (limit is < 1)
            {
                throw new UsageException($"--top is {limit}; use a positive number of messages.");
            }

            DateTimeOffset? fixedAsOf = parsed.GetValue(asOf) is { } text
                ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
                    ? value
                    : throw new UsageException($"--as-of '{text}' is not a timestamp; use ISO 8601, for example 2026-03-31T18:00:00Z.")
                : null;
            var sentiment = new SentimentOptions
            {
                Language = parsed.GetValue(language) switch { "en" => SentimentLanguage.English, "es" => SentimentLanguage.Spanish, _ => SentimentLanguage.Auto },
            };
            return Run(settings, fixedAsOf, limit, new LexiconSentimentScorer(sentiment), console);
        });
        return command;
    }

    private static int Run(CommonSettings settings, DateTimeOffset? fixedAsOf, int? top, LexiconSentimentScorer scorer, CliConsole console)
    {
        var messages = new List<ConversationMessage>();
        var rows = new List<InputRow>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        int skipped = 0;
        using (TabularInput input = TabularInput.Open(settings.Input, console.In))
        {
            foreach (string column in RequiredColumns)
            {
                input.RequireColumn(column);
            }

            bool hasId = input.HasColumn("message_id");
            foreach (InputRow row in input.ReadRows())
            {
                try
                {
                    messages.Add(Read(row, hasId, values));
                    rows.Add(row);
                }
                catch (InputDataException) when (settings.SkipInvalid)
                {
                    skipped++;
                }
            }
        }

        DateTimeOffset asOf = fixedAsOf ?? (messages.Count == 0 ? DateTimeOffset.UnixEpoch : messages.Max(m => m.SentAt));
        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i].SentAt > asOf)
            {
                throw rows[i].Error("sent_at", string.Create(CultureInfo.InvariantCulture, $"{messages[i].SentAt:O} is after --as-of {asOf:O}; give an as-of instant at or after every message, or drop the later rows"));
            }
        }

        if (skipped > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped} invalid row(s)");
        }

        TriageEntry[] queue = TriageRanking.Build(messages.ToArray(), asOf, scorer, values);
        var shown = queue.Take(top ?? int.MaxValue).Select((e, i) => Describe(e, i + 1)).ToList();
        var document = new JsonObject
        {
            ["metric"] = "triage",
            ["asOf"] = asOf.ToString("O", CultureInfo.InvariantCulture),
            ["open"] = queue.Length,
            ["interactive"] = queue.Count(e => e.Classification.Class == MessageClass.Interactive),
            ["informational"] = queue.Count(e => e.Classification.Class == MessageClass.Informational),
            ["automated"] = queue.Count(e => e.Classification.Class == MessageClass.Automated),
            ["queue"] = new JsonArray([.. shown.Select(r => (JsonNode)r.DeepClone())]),
            ["alerts"] = new JsonArray([.. HostileAlerts(messages, scorer).Select(a => (JsonNode)new JsonObject
            {
                ["customerId"] = a.CustomerId,
                ["rule"] = a.Rule.ToString(),
                ["previous"] = a.Previous is { } p ? Math.Round(p, 4) : null,
                ["current"] = Math.Round(a.Current, 4),
                ["threshold"] = a.Threshold,
                ["reason"] = a.DescribeReason(),
            })]),
        };
        if (skipped > 0)
        {
            document["skippedRows"] = skipped;
        }

        OutputDocument output = new("Triage", document, shown);
        OutputOptions.Write(output, settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    private static ConversationMessage Read(InputRow row, bool hasId, Dictionary<string, double> values)
    {
        string customer = row.RequireText("customer_id");
        string direction = row.RequireText("direction");
        MessageDirection parsedDirection = direction.ToLowerInvariant() switch
        {
            "inbound" => MessageDirection.Inbound,
            "outbound" => MessageDirection.Outbound,
            _ => throw row.Error("direction", $"'{direction}' is not a direction; use inbound or outbound"),
        };
        double? sentiment = row.OptionalDouble("sentiment");
        if (sentiment is < -1 or > 1)
        {
            throw row.Error("sentiment", string.Create(CultureInfo.InvariantCulture, $"{sentiment} is outside [-1, 1]; a compound score is required"));
        }

        if (row.OptionalDouble("clv") is { } clv)
        {
            if (clv < 0)
            {
                throw row.Error("clv", string.Create(CultureInfo.InvariantCulture, $"{clv} is negative; a customer lifetime value is ≥ 0 (leave it empty when unknown)"));
            }

            if (values.TryGetValue(customer, out double known) && known != clv)
            {
                throw row.Error("clv", string.Create(CultureInfo.InvariantCulture, $"{clv} differs from {known} given earlier for customer '{customer}'; give one CLV per customer"));
            }

            values[customer] = clv;
        }

        return new ConversationMessage
        {
            MessageId = hasId && row["message_id"] is { Length: > 0 } id ? id.Trim() : row.Number.ToString(CultureInfo.InvariantCulture),
            ConversationId = row.RequireText("conversation_id"),
            CustomerId = customer,
            Channel = row.RequireText("channel"),
            Direction = parsedDirection,
            SentAt = row.RequireTimestamp("sent_at"),
            Text = row["text"] ?? string.Empty,
            Sentiment = sentiment,
        };
    }

    // Hostile: per customer, the latest inbound message's compound against the mean of the earlier ones.
    private static IEnumerable<TriageAlert> HostileAlerts(List<ConversationMessage> messages, LexiconSentimentScorer scorer)
    {
        foreach (IGrouping<string, ConversationMessage> customer in messages.Where(m => m.IsInbound).GroupBy(m => m.CustomerId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double[] compounds = customer.OrderBy(m => m.SentAt).ThenBy(m => m.MessageId, StringComparer.Ordinal)
                .Select(m => m.Sentiment ?? scorer.Score(m.Text).Compound).ToArray();
            if (TriageAlerts.CheckHostile(customer.Key, compounds) is { } alert)
            {
                yield return alert;
            }
        }
    }

    private static JsonObject Describe(TriageEntry e, int rank) => new()
    {
        ["rank"] = rank,
        ["messageId"] = e.MessageId,
        ["conversationId"] = e.ConversationId,
        ["customerId"] = e.CustomerId,
        ["class"] = e.Classification.Class.ToString().ToLowerInvariant(),
        ["confidence"] = Math.Round(e.Classification.Confidence, 3),
        ["priority"] = Math.Round(e.Priority.Score, 1),
        ["waitingHours"] = Math.Round(e.Priority.Waiting.TotalHours, 2),
        ["points"] = new JsonObject
        {
            ["sentiment"] = Math.Round(e.Priority.SentimentPoints, 1),
            ["severity"] = Math.Round(e.Priority.SeverityPoints, 1),
            ["value"] = Math.Round(e.Priority.ValuePoints, 1),
            ["waiting"] = Math.Round(e.Priority.WaitingPoints, 1),
        },
        ["reasons"] = $"{e.Classification.DescribeReasons()}; {e.Priority.DescribeReasons()}",
    };
}

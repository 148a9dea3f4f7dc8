using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Conversations;
using Engagement.Metrics.Sentiment;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>conversations</c>: engagement signals from a file of messages (response rate and times, duration, questions,
/// sentiment shift, abandonment, repeat interaction, engagement score) per channel and overall, per customer or per
/// conversation, with the score's trend and disengagement alerts by period.
/// </summary>
internal static class ConversationsCommand
{
    internal static readonly string[] RequiredColumns = ["conversation_id", "customer_id", "channel", "direction", "sent_at"];

    // ConversationMessage field (the library's ArgumentException.ParamName) → input column.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(ConversationMessage.ConversationId)] = "conversation_id",
        [nameof(ConversationMessage.CustomerId)] = "customer_id",
        [nameof(ConversationMessage.Channel)] = "channel",
        [nameof(ConversationMessage.Direction)] = "direction",
        [nameof(ConversationMessage.SentAt)] = "sent_at",
        [nameof(ConversationMessage.Length)] = "length",
        [nameof(ConversationMessage.Sentiment)] = "sentiment",
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command("conversations", "Conversation engagement signals and the engagement score, per channel and overall (or per customer / conversation), with trend and disengagement alerts by --period.");
        var common = new CommonOptions();
        common.AddTo(command);
        var responseWindow = new Option<double>("--response-window-hours") { Description = "An outbound message is answered when the customer replies within this many hours; also the abandonment window.", DefaultValueFactory = _ => 24 };
        var repeatWindow = new Option<double>("--repeat-window-days") { Description = "A customer comes back when another conversation starts within this many days after one ends.", DefaultValueFactory = _ => 7 };
        var asOf = new Option<string?>("--as-of") { Description = "Judge abandonment at this instant (ISO 8601); default: the latest message." };
        var language = new Option<string>("--language") { Description = "Language for scoring text when there is no sentiment column; auto detects it per message.", DefaultValueFactory = _ => "auto" };
        language.AcceptOnlyFromAmong("auto", "en", "es");
        var per = new Option<string?>("--per") { Description = "Rows per customer or per conversation instead of per channel." };
        per.AcceptOnlyFromAmong("customer", "conversation");
        var alertThreshold = new Option<double>("--alert-threshold") { Description = "With --period: alert when a customer's score falls by more than this many points between periods.", DefaultValueFactory = _ => 15 };
        var closeAfter = new Option<double?>("--close-after-hours") { Description = "Stream in bounded memory: a conversation ends after this many hours of silence and is folded into totals (medians within 1 %). The input must be in time order, at most this many hours out of order." };
        foreach (Option option in new Option[] { responseWindow, repeatWindow, asOf, language, per, alertThreshold, closeAfter })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is { } by && by != "channel")
            {
                throw new UsageException($"--by '{by}' is not supported by conversations; results are always per channel (use --per customer|conversation for rows).");
            }

            DateTimeOffset? at = null;
            if (parsed.GetValue(asOf) is { } text)
            {
                at = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
                    ? value
                    : throw new UsageException($"--as-of '{text}' is not a date or timestamp; use ISO 8601, e.g. 2026-03-31T00:00:00Z.");
            }

            ConversationOptions options;
            try
            {
                options = new ConversationOptions
                {
                    ResponseWindow = ServiceCommand.Span(parsed.GetValue(responseWindow), 3600, "--response-window-hours"),
                    RepeatWindow = ServiceCommand.Span(parsed.GetValue(repeatWindow), 86_400, "--repeat-window-days"),
                    AsOf = at,
                    ConfidenceLevel = settings.Confidence,
                    Score = EngagementScoreOptions.Default with { AlertThreshold = parsed.GetValue(alertThreshold) },
                }.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            SentimentLanguage lang = parsed.GetValue(language) switch { "en" => SentimentLanguage.English, "es" => SentimentLanguage.Spanish, _ => SentimentLanguage.Auto };
            StreamingConversationOptions? streaming = null;
            if (parsed.GetValue(closeAfter) is double hours)
            {
                if (parsed.GetValue(per) == "conversation")
                {
                    throw new UsageException("--per conversation needs every message of every conversation; drop --close-after-hours (streaming keeps only open conversations).");
                }

                try
                {
                    streaming = new StreamingConversationOptions
                    {
                        Conversation = options,
                        CloseAfter = ServiceCommand.Span(hours, 3600, "--close-after-hours"),
                        TrendPeriod = settings.Period is { } p ? TrendPeriod(p) : EngagementPeriod.Week,
                    }.Validate();
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            return Run(settings, options, streaming, lang, parsed.GetValue(per), console);
        });
        return command;
    }

    private static EngagementPeriod TrendPeriod(ReportingPeriod period) => period switch
    {
        ReportingPeriod.Day => EngagementPeriod.Day,
        ReportingPeriod.Week => EngagementPeriod.Week,
        ReportingPeriod.Month => EngagementPeriod.Month,
        _ => EngagementPeriod.Quarter,
    };

    private static int Run(CommonSettings settings, ConversationOptions options, StreamingConversationOptions? streaming, SentimentLanguage language, string? per, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in RequiredColumns)
        {
            input.RequireColumn(column);
        }

        // Text is scored only when the file has no sentiment column (a provided score always wins).
        ISentimentScorer? scorer = input.HasColumn("text") && !input.HasColumn("sentiment")
            ? new LexiconSentimentScorer(new SentimentOptions { Language = language })
            : null;
        Signals acc = streaming is null ? Signals.Exact(new ConversationAccumulator(options, scorer)) : Signals.Streaming(new StreamingConversationAccumulator(streaming, scorer));
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                Add(row, input, acc.Add);
            }
            catch (InputDataException e) when (settings.SkipInvalid)
            {
                skipped++;
                firstSkip ??= e.Message;
            }
        }

        if (skipped > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped} invalid row(s); first: {firstSkip}");
        }

        ConversationSummary summary = acc.Summary();
        var channels = new JsonArray();
        var rows = new List<JsonObject>();
        foreach (ConversationSignals s in summary.Channels)
        {
            channels.Add((JsonNode)SurveyReport.Keyed(s.Key, Describe(s)));
            rows.Add(SurveyReport.Keyed(s.Key, Values(s)));
        }

        rows.Add(SurveyReport.Keyed("overall", Values(summary.Overall)));
        var document = new JsonObject
        {
            ["metric"] = "conversations",
            ["asOf"] = summary.AsOf?.ToString("O", CultureInfo.InvariantCulture),
            ["channels"] = channels,
            ["overall"] = Describe(summary.Overall),
        };

        if (per == "customer")
        {
            rows.Clear();
            var customers = new JsonArray();
            foreach (CustomerEngagement c in acc.Customers())
            {
                JsonObject row = Values(c.Signals);
                row.Remove("customers");
                var o = new JsonObject { ["customerId"] = c.CustomerId };
                foreach ((string name, JsonNode? value) in row)
                {
                    o[name] = value?.DeepClone();
                }

                o["preferredChannel"] = c.PreferredChannel;
                o["ignoredChannels"] = string.Join(' ', c.IgnoredChannels);
                rows.Add(o);
                customers.Add((JsonNode)o.DeepClone());
            }

            document["customers"] = customers;
        }
        else if (per == "conversation")
        {
            rows.Clear();
            var conversations = new JsonArray();
            foreach (ConversationResult c in acc.Conversations())
            {
                var o = new JsonObject
                {
                    ["conversationId"] = c.ConversationId,
                    ["customerId"] = c.CustomerId,
                    ["channel"] = c.Channel,
                    ["messages"] = c.Messages,
                    ["responseRate"] = c.ResponseRate,
                    ["medianCustomerResponseSeconds"] = c.MedianCustomerResponseSeconds,
                    ["agentFirstResponseSeconds"] = c.AgentFirstResponseSeconds,
                    ["durationSeconds"] = c.DurationSeconds,
                    ["meanCustomerMessageLength"] = c.MeanCustomerMessageLength,
                    ["messageLengthTrend"] = c.MessageLengthTrend,
                    ["questions"] = c.Questions,
                    ["sentimentShift"] = c.SentimentShift,
                    ["resolved"] = c.Resolved,
                    ["abandoned"] = c.Abandoned,
                };
                rows.Add(o);
                conversations.Add((JsonNode)o.DeepClone());
            }

            document["conversations"] = conversations;
        }

        if (settings.Period is { } period)
        {
            document["trend"] = Trend(acc.Trend(TrendPeriod(period)));
        }

        if (settings.SkipInvalid)
        {
            document["skippedRows"] = skipped;
        }

        OutputOptions.Write(new OutputDocument("CONVERSATIONS", document, rows), settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    private static JsonObject Trend(EngagementTrend trend)
    {
        var overall = new JsonArray();
        foreach (PeriodScore p in trend.Overall)
        {
            overall.Add((JsonNode)new JsonObject { ["periodStart"] = p.PeriodStart.ToString("O", CultureInfo.InvariantCulture), ["conversations"] = p.Conversations, ["engagementScore"] = p.Score.Score });
        }

        var alerts = new JsonArray();
        var declining = new JsonArray();
        foreach (CustomerTrend c in trend.Customers)
        {
            if (c.Slope.Slope < 0 && c.Slope.IsSignificant(0.05))
            {
                declining.Add((JsonNode)new JsonObject { ["customerId"] = c.CustomerId, ["slope"] = c.Slope.Slope, ["pValue"] = c.Slope.PValue });
            }

            foreach (DisengagementAlert a in c.Alerts)
            {
                alerts.Add((JsonNode)new JsonObject
                {
                    ["customerId"] = a.CustomerId,
                    ["previousPeriod"] = a.PreviousPeriod.ToString("O", CultureInfo.InvariantCulture),
                    ["period"] = a.Period.ToString("O", CultureInfo.InvariantCulture),
                    ["previousScore"] = a.PreviousScore,
                    ["score"] = a.Score,
                    ["drop"] = a.Drop,
                    ["fallingSignals"] = new JsonArray([.. a.FallingSignals.Select(s => (JsonNode)JsonValue.Create(s))]),
                });
            }
        }

        return new JsonObject
        {
            ["period"] = trend.Period.ToString().ToLowerInvariant(),
            ["overall"] = overall,
            ["slope"] = trend.OverallSlope.Slope,
            ["slopeStandardError"] = trend.OverallSlope.StandardError,
            ["slopePValue"] = trend.OverallSlope.PValue,
            ["decliningCustomers"] = declining,
            ["alerts"] = alerts,
        };
    }

    /// <summary>Reads one row and adds it; a bad row, or a message the accumulator rejects (a second customer in a conversation), names the row and column.</summary>
    internal static void Add(InputRow row, TabularInput input, Action<ConversationMessage> add)
    {
        ConversationMessage message = Read(row, input);
        try
        {
            add(message);
        }
        catch (ArgumentException e)
        {
            string column = e.ParamName is { } field && ColumnOfField.TryGetValue(field, out string? c) ? c : "conversation_id";
            throw row.Error(column, $"'{row[column]}': {SurveyReport.LibraryMessage(e)}");
        }
    }

    internal static ConversationMessage Read(InputRow row, TabularInput input)
    {
        string direction = row.RequireText("direction");
        int? length = null;
        if (input.HasColumn("length") && row.OptionalLong("length") is long l)
        {
            length = l is >= int.MinValue + 1 and <= int.MaxValue ? (int)l : throw row.Error("length", $"'{l}' is not a plausible length");
        }

        var message = new ConversationMessage
        {
            MessageId = input.HasColumn("message_id") ? row["message_id"]?.Trim() ?? string.Empty : string.Empty,
            ConversationId = row.RequireText("conversation_id"),
            CustomerId = row.RequireText("customer_id"),
            Channel = row.RequireText("channel"),
            Direction = direction.ToUpperInvariant() switch
            {
                "INBOUND" => MessageDirection.Inbound,
                "OUTBOUND" => MessageDirection.Outbound,
                _ => throw row.Error("direction", $"'{direction}' is not a direction; use inbound (from the customer) or outbound (to the customer)"),
            },
            SentAt = row.RequireTimestamp("sent_at"),
            Text = input.HasColumn("text") ? row["text"] : null,
            Sentiment = input.HasColumn("sentiment") ? row.OptionalDouble("sentiment") : null,
            Resolved = input.HasColumn("resolved") && ServiceCommand.Flag(row, "resolved"),
        };
        if (length is int value)
        {
            message = message with { Length = value };
        }

        try
        {
            message.Validate();
        }
        catch (ArgumentException e)
        {
            string column = e.ParamName is { } field && ColumnOfField.TryGetValue(field, out string? c) ? c : "conversation_id";
            throw row.Error(column, $"'{row[column]}': {SurveyReport.LibraryMessage(e)}");
        }

        return message;
    }

    // One value per signal for tables, CSV and JSON Lines.
    internal static JsonObject Values(ConversationSignals s) => new()
    {
        ["conversations"] = s.Conversations,
        ["customers"] = s.Customers,
        ["messages"] = s.Messages,
        ["responseRate"] = s.ResponseRate.Value,
        ["medianCustomerResponseSeconds"] = s.CustomerResponseTime.Median,
        ["medianAgentFirstResponseSeconds"] = s.AgentFirstResponseTime.Median,
        ["meanDurationSeconds"] = s.Duration.Value,
        ["questionsPerConversation"] = s.QuestionsPerConversation,
        ["meanSentimentShift"] = s.MeanSentimentShift,
        ["abandonmentRate"] = s.AbandonmentRate.Value,
        ["repeatInteractionRate"] = s.RepeatInteractionRate.Value,
        ["engagementScore"] = s.Score.Score,
    };

    private static JsonObject Describe(ConversationSignals s) => new()
    {
        ["conversations"] = s.Conversations,
        ["customers"] = s.Customers,
        ["messages"] = s.Messages,
        ["messagesPerConversation"] = s.MessagesPerConversation,
        ["responseRate"] = s.ResponseRate.Value,
        ["responseRateDetail"] = ServiceCommand.Rate(s.ResponseRate, compact: false),
        ["meanCustomerResponseSeconds"] = s.CustomerResponseTime.Value,
        ["medianCustomerResponseSeconds"] = s.CustomerResponseTime.Median,
        ["p90CustomerResponseSeconds"] = s.CustomerResponseTime.P90,
        ["meanAgentFirstResponseSeconds"] = s.AgentFirstResponseTime.Value,
        ["medianAgentFirstResponseSeconds"] = s.AgentFirstResponseTime.Median,
        ["p90AgentFirstResponseSeconds"] = s.AgentFirstResponseTime.P90,
        ["meanDurationSeconds"] = s.Duration.Value,
        ["medianDurationSeconds"] = s.Duration.Median,
        ["meanCustomerMessageLength"] = s.MeanCustomerMessageLength,
        ["questionsPerConversation"] = s.QuestionsPerConversation,
        ["meanSentimentShift"] = s.MeanSentimentShift,
        ["abandonmentRate"] = s.AbandonmentRate.Value,
        ["abandonmentDetail"] = ServiceCommand.Rate(s.AbandonmentRate, compact: false),
        ["repeatInteractionRate"] = s.RepeatInteractionRate.Value,
        ["repeatInteractionDetail"] = ServiceCommand.Rate(s.RepeatInteractionRate, compact: false),
        ["meanTimeBetweenConversationsSeconds"] = s.TimeBetweenConversations.Value,
        ["engagementScore"] = s.Score.Score,
        ["scoreSignals"] = new JsonObject
        {
            ["responseRate"] = s.Score.ResponseRate,
            ["responseSpeed"] = s.Score.ResponseSpeed,
            ["messageLength"] = s.Score.MessageLength,
            ["questions"] = s.Score.Questions,
            ["sentimentShift"] = s.Score.SentimentShift,
            ["retention"] = s.Score.Retention,
            ["repeatInteraction"] = s.Score.RepeatInteraction,
        },
    };

    // The exact and the streaming accumulator behind one shape (the streaming one has no per-conversation results and
    // keeps the trend period it was created with).
    private sealed record Signals(
        Action<ConversationMessage> Add,
        Func<ConversationSummary> Summary,
        Func<IReadOnlyList<CustomerEngagement>> Customers,
        Func<IReadOnlyList<ConversationResult>> Conversations,
        Func<EngagementPeriod, EngagementTrend> Trend)
    {
        public static Signals Exact(ConversationAccumulator acc) =>
            new(m => acc.Add(m), acc.ToResult, acc.ToCustomerResults, acc.ToConversationResults, acc.ToTrend);

        public static Signals Streaming(StreamingConversationAccumulator acc) =>
            new(m => acc.Add(m), acc.ToResult, acc.ToCustomerResults, () => [], _ => acc.ToTrend());
    }
}

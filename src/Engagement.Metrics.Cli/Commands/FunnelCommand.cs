using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Campaigns;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Statistics;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>funnel</c>: campaign reach versus engagement (sent → delivered → opened → clicked / replied, unsubscribes),
/// overall and by campaign or channel, and frequency versus engagement (unsubscribe and reply rates by messages per
/// customer per week, with Cochran–Armitage trend tests).
/// </summary>
internal static class FunnelCommand
{
    internal static readonly string[] RequiredColumns =
    [
        "send_id", "campaign_id", "customer_id", "channel", "sent_at", "delivered", "opened", "clicked", "replied", "unsubscribed",
    ];

    // CampaignSend field (the library's ArgumentException.ParamName) → input column.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(CampaignSend.SendId)] = "send_id",
        [nameof(CampaignSend.CampaignId)] = "campaign_id",
        [nameof(CampaignSend.CustomerId)] = "customer_id",
        [nameof(CampaignSend.Channel)] = "channel",
        [nameof(CampaignSend.SentAt)] = "sent_at",
        [nameof(CampaignSend.Opened)] = "opened",
        [nameof(CampaignSend.Clicked)] = "clicked",
        [nameof(CampaignSend.Replied)] = "replied",
        [nameof(CampaignSend.Unsubscribed)] = "unsubscribed",
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command("funnel", "Campaign funnel (sent → delivered → opened → clicked/replied, unsubscribes) by campaign or channel, and unsubscribe/reply rates by send frequency with a trend test.");
        var common = new CommonOptions();
        common.AddTo(command);
        var edges = new Option<string>("--frequency-edges") { Description = "Frequency bucket edges in messages per customer per week, comma-separated and increasing.", DefaultValueFactory = _ => "1,2,3,4,6" };
        var windowStart = new Option<string?>("--window-start") { Description = "Start of the analysis window (inclusive, ISO 8601); with --window-end, the frequency denominator. Default: the first send." };
        var windowEnd = new Option<string?>("--window-end") { Description = "End of the analysis window (exclusive, ISO 8601). Default: the last send." };
        foreach (Option option in new Option[] { edges, windowStart, windowEnd })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is { } by && by is not ("campaign" or "channel"))
            {
                throw new UsageException($"--by '{by}' is not supported by funnel; use --by campaign or --by channel.");
            }

            if (settings.Period is not null)
            {
                throw new UsageException("--period is not supported by funnel; filter the input by period instead.");
            }

            FunnelOptions options;
            try
            {
                options = new FunnelOptions
                {
                    ConfidenceLevel = settings.Confidence,
                    FrequencyEdges = Edges(parsed.GetValue(edges)!),
                    WindowStart = Date(parsed.GetValue(windowStart), "--window-start"),
                    WindowEnd = Date(parsed.GetValue(windowEnd), "--window-end"),
                }.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(SurveyReport.LibraryMessage(e));
            }

            return Run(settings, options, console);
        });
        return command;
    }

    private static double[] Edges(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var edges = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out edges[i]))
            {
                throw new UsageException($"--frequency-edges: '{parts[i]}' is not a number; give increasing numbers such as 1,2,3,4,6.");
            }
        }

        return edges;
    }

    private static DateTimeOffset? Date(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value) ? value
        : throw new UsageException($"{option} '{text}' is not a date (use ISO 8601, e.g. 2026-03-02 or 2026-03-02T00:00:00Z).");

    private static int Run(CommonSettings settings, FunnelOptions options, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in RequiredColumns)
        {
            input.RequireColumn(column);
        }

        var overall = new FunnelAccumulator(options);
        var groups = new SegmentedAccumulator<string, FunnelAccumulator>(overall, StringComparer.Ordinal);
        var frequency = new SendFrequencyAccumulator(options);
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                CampaignSend send = Read(row, options);
                overall.Add(send);
                frequency.Add(send);
                if (settings.By is { } by)
                {
                    groups.Add(by == "campaign" ? send.CampaignId : send.Channel, send);
                }
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

        FunnelResult total = overall.ToResult();
        SendFrequencyResult frequencyResult = frequency.ToResult();
        var document = new JsonObject { ["metric"] = "funnel", ["reach"] = "delivered" };
        var rows = new List<JsonObject>();
        if (settings.By is { } key)
        {
            var groupArray = new JsonArray();
            foreach (string name in groups.Groups.Keys.Order(StringComparer.Ordinal))
            {
                FunnelResult result = groups.Groups[name].ToResult();
                groupArray.Add((JsonNode)SurveyReport.Keyed(name, Describe(result)));
                rows.Add(Row(name, result));
            }

            document["by"] = key;
            document["groups"] = groupArray;
            document["overall"] = Describe(total);
        }
        else
        {
            foreach ((string name, JsonNode? value) in Describe(total).ToList())
            {
                document[name] = value?.DeepClone();
            }
        }

        rows.Add(Row(settings.By is null ? "all" : "overall", total));
        document["frequency"] = Describe(frequencyResult);
        foreach (FrequencyBucket bucket in frequencyResult.Buckets)
        {
            rows.Add(new JsonObject
            {
                ["key"] = $"{bucket.Label}/week",
                ["customers"] = bucket.Customers,
                ["sent"] = bucket.Sends,
                ["delivered"] = bucket.Delivered,
                ["replyRate"] = bucket.ReplyRate.Value,
                ["unsubscribeRate"] = bucket.UnsubscribeRate.Value,
            });
        }

        rows.Add(Trend("unsubscribe trend", frequencyResult.UnsubscribeTrend, "unsubscribeRate"));
        rows.Add(Trend("reply trend", frequencyResult.ReplyTrend, "replyRate"));
        if (settings.SkipInvalid)
        {
            document["skippedRows"] = skipped;
        }

        OutputDocument output = new("FUNNEL (reach = delivered; opens include implied opens and are inflated by privacy features)", document, rows);
        OutputOptions.Write(output, settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    internal static CampaignSend Read(InputRow row, FunnelOptions options)
    {
        var send = new CampaignSend
        {
            SendId = row.RequireText("send_id"),
            CampaignId = row.RequireText("campaign_id"),
            CustomerId = row.RequireText("customer_id"),
            Channel = row.RequireText("channel"),
            SentAt = row.RequireTimestamp("sent_at"),
            Delivered = ServiceCommand.Flag(row, "delivered"),
            Opened = ServiceCommand.Flag(row, "opened"),
            Clicked = ServiceCommand.Flag(row, "clicked"),
            Replied = ServiceCommand.Flag(row, "replied"),
            Unsubscribed = ServiceCommand.Flag(row, "unsubscribed"),
        };
        try
        {
            send.Validate();
            if (options.WindowStart is { } start && options.WindowEnd is { } end && (send.SentAt < start || send.SentAt >= end))
            {
                throw row.Error("sent_at", $"'{row["sent_at"]}' is outside the window [{start:O}, {end:O}); widen --window-start/--window-end or filter the input");
            }
        }
        catch (ArgumentException e)
        {
            string column = e.ParamName is { } field && ColumnOfField.TryGetValue(field, out string? c) ? c : "send_id";
            throw row.Error(column, $"'{row[column]}': {SurveyReport.LibraryMessage(e)}");
        }

        return send;
    }

    // One value per stage for tables, CSV and JSON Lines (counts and intervals are in --format json).
    internal static JsonObject Row(string key, FunnelResult r) => new()
    {
        ["key"] = key,
        ["sent"] = r.Sent,
        ["delivered"] = r.Delivered,
        ["opened"] = r.Opened,
        ["impliedOpens"] = r.ImpliedOpens,
        ["clicked"] = r.Clicked,
        ["replied"] = r.Replied,
        ["deliveryRate"] = r.DeliveryRate.Value,
        ["openRate"] = r.OpenRate.Value,
        ["clickToOpen"] = r.ClickToOpenRate.Value,
        ["clickRate"] = r.ClickRate.Value,
        ["replyRate"] = r.ReplyRate.Value,
        ["unsubscribeRate"] = r.UnsubscribeRate.Value,
    };

    private static JsonObject Trend(string key, TrendTest t, string rate) => new()
    {
        ["key"] = key,
        [rate] = t.Slope,
        ["z"] = t.Statistic,
        ["pValue"] = t.PValue,
    };

    internal static JsonObject Describe(FunnelResult r) => new()
    {
        ["sent"] = r.Sent,
        ["delivered"] = r.Delivered,
        ["opened"] = r.Opened,
        ["trackedOpens"] = r.TrackedOpens,
        ["impliedOpens"] = r.ImpliedOpens,
        ["clicked"] = r.Clicked,
        ["replied"] = r.Replied,
        ["unsubscribed"] = r.Unsubscribed,
        ["deliveryRate"] = ServiceCommand.Rate(r.DeliveryRate, compact: false),
        ["openRate"] = ServiceCommand.Rate(r.OpenRate, compact: false),
        ["clickToOpenRate"] = ServiceCommand.Rate(r.ClickToOpenRate, compact: false),
        ["clickRate"] = ServiceCommand.Rate(r.ClickRate, compact: false),
        ["replyToOpenRate"] = ServiceCommand.Rate(r.ReplyToOpenRate, compact: false),
        ["replyRate"] = ServiceCommand.Rate(r.ReplyRate, compact: false),
        ["unsubscribeRate"] = ServiceCommand.Rate(r.UnsubscribeRate, compact: false),
    };

    internal static JsonObject Describe(SendFrequencyResult f)
    {
        var buckets = new JsonArray();
        foreach (FrequencyBucket b in f.Buckets)
        {
            buckets.Add((JsonNode)new JsonObject
            {
                ["label"] = b.Label,
                ["lower"] = b.Lower,
                ["upper"] = b.Upper,
                ["customers"] = b.Customers,
                ["sent"] = b.Sends,
                ["delivered"] = b.Delivered,
                ["unsubscribeRate"] = ServiceCommand.Rate(b.UnsubscribeRate, compact: false),
                ["replyRate"] = ServiceCommand.Rate(b.ReplyRate, compact: false),
            });
        }

        return new JsonObject
        {
            ["windowStart"] = f.WindowStart?.ToString("O", CultureInfo.InvariantCulture),
            ["windowEnd"] = f.WindowEnd?.ToString("O", CultureInfo.InvariantCulture),
            ["windowWeeks"] = f.WindowWeeks,
            ["customers"] = f.Customers,
            ["buckets"] = buckets,
            ["unsubscribeTrend"] = new JsonObject { ["z"] = f.UnsubscribeTrend.Statistic, ["pValue"] = f.UnsubscribeTrend.PValue, ["slope"] = f.UnsubscribeTrend.Slope },
            ["replyTrend"] = new JsonObject { ["z"] = f.ReplyTrend.Statistic, ["pValue"] = f.ReplyTrend.PValue, ["slope"] = f.ReplyTrend.Slope },
        };
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Engagement.Metrics.Channels;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>channels</c>: channel mix and per-channel effectiveness, digitalisation, escalation to assisted channels, channel
/// switching and repeat-yourself, from the same contacts file as <c>service</c>, overall or by period.
/// </summary>
internal static class ChannelsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("channels", "Channel mix and effectiveness, digitalisation, escalation from digital/self-service to assisted, channel switching, repeat-yourself.");
        var common = new CommonOptions();
        common.AddTo(command);
        var window = new Option<double>("--switch-window-hours") { Description = "Window of switching, repeat-yourself and escalation: same customer and reason within this many hours.", DefaultValueFactory = _ => 168 };
        var assisted = new Option<string?>("--assisted-channels") { Description = "Comma-separated channels to classify as assisted (added to or overriding the default catalogue)." };
        var digital = new Option<string?>("--digital-channels") { Description = "Comma-separated channels to classify as digital (added to or overriding the default catalogue)." };
        var selfService = new Option<string?>("--self-service-channels") { Description = "Comma-separated channels to classify as self-service (added to or overriding the default catalogue)." };
        foreach (Option option in new Option[] { window, assisted, digital, selfService })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is { } by)
            {
                throw new UsageException($"--by '{by}' is not supported by channels (the result is already per channel); use --period for a trend.");
            }

            if (settings.DateColumn is { } dateColumn && dateColumn != "queued_at")
            {
                throw new UsageException($"--date-column '{dateColumn}': channels always groups periods by queued_at.");
            }

            var catalogue = new Dictionary<string, ChannelKind>(ChannelOptions.DefaultCatalogue, StringComparer.OrdinalIgnoreCase);
            Classify(catalogue, parsed.GetValue(assisted), ChannelKind.Assisted);
            Classify(catalogue, parsed.GetValue(digital), ChannelKind.Digital);
            Classify(catalogue, parsed.GetValue(selfService), ChannelKind.SelfService);
            ChannelOptions options;
            try
            {
                options = new ChannelOptions
                {
                    Catalogue = catalogue,
                    Window = ServiceCommand.Span(parsed.GetValue(window), 3600, "--switch-window-hours"),
                    Service = ChannelOptions.Default.Service with { ConfidenceLevel = settings.Confidence },
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

    private static void Classify(Dictionary<string, ChannelKind> catalogue, string? list, ChannelKind kind)
    {
        foreach (string channel in (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            catalogue[channel] = kind;
        }
    }

    private static int Run(CommonSettings settings, ChannelOptions options, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in ServiceCommand.RequiredColumns)
        {
            input.RequireColumn(column);
        }

        var overall = new ChannelAccumulator(options);
        var periods = new SegmentedAccumulator<string, ChannelAccumulator>(overall, StringComparer.Ordinal);
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                ContactRecord contact = ServiceCommand.Read(row, input);
                if (!options.TryGetKind(contact.Channel, out _))
                {
                    throw row.Error("channel", $"'{contact.Channel}' is not a known channel; classify it with --assisted-channels, --digital-channels or --self-service-channels");
                }

                overall.Add(contact);
                if (settings.Period is { } period)
                {
                    periods.Add(period.Label(contact.QueuedAt), contact, static (accumulator, c) => accumulator.Add(c));
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

        ChannelResult total = overall.ToResult();
        JsonObject document = Describe(total);
        var rows = new List<JsonObject>();
        if (settings.Period is not null)
        {
            var groups = new JsonArray();
            foreach (string key in periods.Groups.Keys.Order(StringComparer.Ordinal))
            {
                ChannelResult result = periods.Groups[key].ToResult();
                groups.Add((JsonNode)SurveyReport.Keyed(key, Describe(result)));
                rows.AddRange(Rows(key + " ", result));
            }

            document = new JsonObject { ["groups"] = groups, ["overall"] = document };
        }

        rows.AddRange(Rows(settings.Period is null ? string.Empty : "overall ", total));
        var root = new JsonObject { ["metric"] = "channels" };
        foreach ((string name, JsonNode? value) in document.ToList())
        {
            document.Remove(name);
            root[name] = value;
        }

        if (settings.SkipInvalid)
        {
            root["skippedRows"] = skipped;
        }

        OutputOptions.Write(new OutputDocument("CHANNELS", root, rows), settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    // One row per channel and one "all" row with the cross-channel KPIs (tables, CSV, JSON Lines).
    internal static IEnumerable<JsonObject> Rows(string prefix, ChannelResult r)
    {
        foreach (ChannelStats c in r.Channels)
        {
            yield return Row(prefix + c.Channel, c.Kind.ToString(), c.Contacts, c.Share.Value, c.Resolution.Value, c.Aht.Value, c.Switching.Value, c.Escalation.Value, null, null);
        }

        yield return Row(prefix + "all", null, r.Contacts, r.Contacts > 0 ? 1.0 : null, null, null, r.Switching.Value, r.Escalation.Value, r.Digitalisation.Value, r.RepeatOnOtherChannel.Value);
    }

    private static JsonObject Row(string key, string? kind, long contacts, double? share, double? resolution, double? aht, double? switching, double? escalation, double? digitalisation, double? repeat) => new()
    {
        ["key"] = key,
        ["kind"] = kind,
        ["contacts"] = contacts,
        ["share"] = share,
        ["resolution"] = resolution,
        ["ahtSeconds"] = aht,
        ["switching"] = switching,
        ["escalation"] = escalation,
        ["digitalisation"] = digitalisation,
        ["repeatOnOtherChannel"] = repeat,
    };

    internal static JsonObject Describe(ChannelResult r)
    {
        var channels = new JsonArray();
        foreach (ChannelStats c in r.Channels)
        {
            channels.Add((JsonNode)new JsonObject
            {
                ["channel"] = c.Channel,
                ["kind"] = c.Kind.ToString(),
                ["contacts"] = c.Contacts,
                ["share"] = ServiceCommand.Rate(c.Share, compact: false),
                ["resolution"] = ServiceCommand.Rate(c.Resolution, compact: false),
                ["aht"] = new JsonObject { ["value"] = c.Aht.Value, ["count"] = c.Aht.Count },
                ["switching"] = ServiceCommand.Rate(c.Switching, compact: false),
                ["escalation"] = ServiceCommand.Rate(c.Escalation, compact: false),
            });
        }

        return new JsonObject
        {
            ["contacts"] = r.Contacts,
            ["digitalisation"] = ServiceCommand.Rate(r.Digitalisation, compact: false),
            ["assisted"] = ServiceCommand.Rate(r.Assisted, compact: false),
            ["digital"] = ServiceCommand.Rate(r.Digital, compact: false),
            ["selfService"] = ServiceCommand.Rate(r.SelfService, compact: false),
            ["escalation"] = ServiceCommand.Rate(r.Escalation, compact: false),
            ["escalationFromDigital"] = ServiceCommand.Rate(r.EscalationFromDigital, compact: false),
            ["escalationFromSelfService"] = ServiceCommand.Rate(r.EscalationFromSelfService, compact: false),
            ["switching"] = ServiceCommand.Rate(r.Switching, compact: false),
            ["repeatOnOtherChannel"] = ServiceCommand.Rate(r.RepeatOnOtherChannel, compact: false),
            ["customersRepeating"] = ServiceCommand.Rate(r.CustomersRepeating, compact: false),
            ["channels"] = channels,
        };
    }
}

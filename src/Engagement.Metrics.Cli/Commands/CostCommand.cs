using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>cost</c>: cost to serve from the contacts file of <c>service</c> and the user's unit costs — cost per contact and
/// per resolution by channel, total cost by contact driver, and what-if volume shifts with their assumptions.
/// </summary>
internal static class CostCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("cost", "Cost to serve: cost per contact and per resolution by channel, cost by contact driver, savings of shifting volume between channels or into self-service.");
        var common = new CommonOptions();
        common.AddTo(command);
        var unitCost = new Option<string[]>("--unit-cost") { Description = "Cost per contact of a channel, CHANNEL=AMOUNT (repeat per channel; every channel in the data needs one). There are no defaults.", AllowMultipleArgumentsPerToken = false, Required = true };
        var perMinute = new Option<string[]>("--unit-cost-per-minute") { Description = "Additional cost per handled minute of a channel, CHANNEL=AMOUNT (optional, repeatable)." };
        var shift = new Option<string[]>("--shift") { Description = "What-if: FROM:TO=SHARE[,resolution=R][,repeat-cost=C], e.g. voice:ivr=0.3,resolution=0.6 (repeatable). TO needs a --unit-cost." };
        foreach (Option option in new Option[] { unitCost, perMinute, shift })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is { } by)
            {
                throw new UsageException($"--by '{by}' is not supported by cost (the result is already by channel and by contact driver).");
            }

            if (settings.Period is not null)
            {
                throw new UsageException("--period is not supported by cost; filter the input by period instead.");
            }

            CostToServeOptions options;
            try
            {
                options = new CostToServeOptions
                {
                    UnitCosts = UnitCosts(parsed.GetValue(unitCost) ?? [], parsed.GetValue(perMinute) ?? []),
                    Shifts = (parsed.GetValue(shift) ?? []).Select(Shift).ToArray(),
                    ConfidenceLevel = settings.Confidence,
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

    private static Dictionary<string, ChannelUnitCost> UnitCosts(string[] perContact, string[] perMinute)
    {
        var contact = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string text in perContact)
        {
            (string channel, double amount) = Pair(text, "--unit-cost");
            if (!contact.TryAdd(channel, amount))
            {
                throw new UsageException($"--unit-cost gives '{channel}' twice; give each channel once.");
            }
        }

        var minute = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string text in perMinute)
        {
            (string channel, double amount) = Pair(text, "--unit-cost-per-minute");
            if (!contact.ContainsKey(channel))
            {
                throw new UsageException($"--unit-cost-per-minute '{text}': '{channel}' has no --unit-cost; give its cost per contact too (0 if it is priced by the minute only).");
            }

            minute[channel] = amount;
        }

        var costs = new Dictionary<string, ChannelUnitCost>(StringComparer.OrdinalIgnoreCase);
        foreach ((string channel, double amount) in contact)
        {
            costs[channel] = Checked(() => new ChannelUnitCost(amount, minute.GetValueOrDefault(channel)), $"--unit-cost {channel}");
        }

        return costs;
    }

    private static ChannelUnitCost Checked(Func<ChannelUnitCost> create, string what)
    {
        try
        {
            return create();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"{what}: {SurveyReport.LibraryMessage(e).Split(" (Parameter", 2)[0]}");
        }
    }

    private static (string Channel, double Amount) Pair(string text, string option)
    {
        string[] parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount)
            ? (parts[0], amount)
            : throw new UsageException($"{option} '{text}' is not CHANNEL=AMOUNT, for example voice=16.50.");
    }

    private static VolumeShift Shift(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        string[] head = parts[0].Split('=', 2, StringSplitOptions.TrimEntries);
        string[] channels = head[0].Split(':', 2, StringSplitOptions.TrimEntries);
        if (head.Length != 2 || channels.Length != 2 || !double.TryParse(head[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double share))
        {
            throw new UsageException($"--shift '{text}' is not FROM:TO=SHARE[,resolution=R][,repeat-cost=C], for example voice:ivr=0.3,resolution=0.6.");
        }

        var shift = new VolumeShift { From = channels[0], To = channels[1], Share = share };
        foreach (string extra in parts[1..])
        {
            string[] kv = extra.Split('=', 2, StringSplitOptions.TrimEntries);
            double? value = kv.Length == 2 && double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
            shift = (kv[0], value) switch
            {
                ("resolution", { } r) => shift with { TargetResolutionRate = r },
                ("repeat-cost", { } c) => shift with { RepeatCost = c },
                _ => throw new UsageException($"--shift '{text}': '{extra}' is not resolution=R or repeat-cost=C."),
            };
        }

        return shift;
    }

    private static int Run(CommonSettings settings, CostToServeOptions options, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in ServiceCommand.RequiredColumns)
        {
            input.RequireColumn(column);
        }

        var accumulator = new CostToServeAccumulator(options);
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                ContactRecord contact = ServiceCommand.Read(row, input);
                if (!options.TryGetUnitCost(contact.Channel, out _))
                {
                    throw row.Error("channel", $"'{contact.Channel}' has no unit cost; add --unit-cost {contact.Channel}=AMOUNT");
                }

                accumulator.Add(contact);
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

        CostToServeResult r = accumulator.ToResult();
        var unitCosts = new JsonObject();
        foreach (KeyValuePair<string, ChannelUnitCost> entry in r.UnitCosts.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            unitCosts[entry.Key] = new JsonObject { ["perContact"] = entry.Value.PerContact, ["perHandledMinute"] = entry.Value.PerHandledMinute };
        }

        var document = new JsonObject
        {
            ["metric"] = "cost",
            ["unitCosts"] = unitCosts,
            ["overall"] = Describe(r.Overall),
            ["channels"] = new JsonArray(r.Channels.Select(c => (JsonNode)Describe(c)).ToArray()),
            ["drivers"] = new JsonArray(r.Drivers.Select(d => (JsonNode)Describe(d, r.Overall.TotalCost)).ToArray()),
            ["shifts"] = new JsonArray(r.Shifts.Select(s => (JsonNode)Describe(s)).ToArray()),
        };
        if (settings.SkipInvalid)
        {
            document["skippedRows"] = skipped;
        }

        var rows = new List<JsonObject>();
        rows.AddRange(r.Channels.Select(c => Row("channel " + c.Key, c, r.Overall.TotalCost)));
        rows.AddRange(r.Drivers.Select(d => Row("driver " + d.Key, d, r.Overall.TotalCost)));
        rows.Add(Row("all", r.Overall, r.Overall.TotalCost));
        foreach (ShiftSavings s in r.Shifts)
        {
            rows.Add(new JsonObject
            {
                ["key"] = string.Create(CultureInfo.InvariantCulture, $"shift {s.Shift.From}→{s.Shift.To} {s.Shift.Share:0.##%}"),
                ["contacts"] = s.MovedContacts,
                ["costPerContact"] = s.TargetCostPerContact,
                ["resolutionRate"] = s.TargetResolutionRate,
                ["totalCost"] = s.CostAfter,
                ["savings"] = s.Savings,
            });
        }

        OutputOptions.Write(new OutputDocument("COST TO SERVE (your unit costs; shifts: contacts moved, target cost/contact and resolution, cost after, savings)", document, rows), settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    private static JsonObject Row(string key, CostBreakdown b, double total) => new()
    {
        ["key"] = key,
        ["contacts"] = b.Contacts,
        ["costPerContact"] = b.CostPerContact,
        ["costPerResolution"] = b.CostPerResolution,
        ["resolutionRate"] = b.ResolutionRate.Value,
        ["totalCost"] = b.TotalCost,
        ["shareOfCost"] = total > 0 ? b.TotalCost / total : null,
    };

    private static JsonObject Describe(CostBreakdown b, double? total = null)
    {
        var o = new JsonObject
        {
            ["key"] = b.Key,
            ["contacts"] = b.Contacts,
            ["resolved"] = b.Resolved,
            ["handleMinutes"] = b.HandleMinutes,
            ["totalCost"] = b.TotalCost,
            ["costPerContact"] = b.CostPerContact,
            ["costPerResolution"] = b.CostPerResolution,
            ["resolutionRate"] = ServiceCommand.Rate(b.ResolutionRate, compact: false),
        };
        if (total is { } t)
        {
            o["shareOfCost"] = t > 0 ? b.TotalCost / t : null;
        }

        return o;
    }

    private static JsonObject Describe(ShiftSavings s) => new()
    {
        ["from"] = s.Shift.From,
        ["to"] = s.Shift.To,
        ["share"] = s.Shift.Share,
        ["sourceContacts"] = s.SourceContacts,
        ["movedContacts"] = s.MovedContacts,
        ["assumptions"] = new JsonObject
        {
            ["sourceCostPerContact"] = s.SourceCostPerContact,
            ["targetCostPerContact"] = s.TargetCostPerContact,
            ["targetCostSource"] = s.TargetCostObserved ? "observed" : "unit cost",
            ["targetResolutionRate"] = s.TargetResolutionRate,
            ["targetResolutionRateSource"] = s.TargetResolutionRateObserved ? "observed" : s.TargetResolutionRate is null ? "missing" : "given",
            ["repeatCost"] = s.RepeatCost,
            ["repeatCostSource"] = s.Shift.RepeatCost is null ? "source cost per contact" : "given",
        },
        ["costBefore"] = s.CostBefore,
        ["costAfter"] = s.CostAfter,
        ["savings"] = s.Savings,
    };
}

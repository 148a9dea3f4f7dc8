using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;
using Engagement.Metrics.Surveys;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>service</c>: contact-centre KPIs (FCR two ways, AHT, ASA, service level, abandonment, escalation, containment,
/// asynchronous response times, contact drivers) from a file of contacts, overall and by channel, reason or period.
/// </summary>
internal static class ServiceCommand
{
    internal static readonly string[] RequiredColumns =
    [
        "contact_id", "customer_id", "channel", "reason", "queued_at", "answered_at", "ended_at",
        "talk_seconds", "hold_seconds", "conference_seconds", "wrap_seconds", "resolved", "abandoned",
    ];

    // ContactRecord field (the library's ArgumentException.ParamName) → input column.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(ContactRecord.ContactId)] = "contact_id",
        [nameof(ContactRecord.CustomerId)] = "customer_id",
        [nameof(ContactRecord.Channel)] = "channel",
        [nameof(ContactRecord.Reason)] = "reason",
        [nameof(ContactRecord.AnsweredAt)] = "answered_at",
        [nameof(ContactRecord.EndedAt)] = "ended_at",
        [nameof(ContactRecord.Talk)] = "talk_seconds",
        [nameof(ContactRecord.Hold)] = "hold_seconds",
        [nameof(ContactRecord.Conference)] = "conference_seconds",
        [nameof(ContactRecord.Wrap)] = "wrap_seconds",
        [nameof(ContactRecord.FirstResponseAt)] = "first_response_at",
        [nameof(ContactRecord.ResolvedAt)] = "resolved_at",
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command("service", "Contact-centre KPIs: FCR (flag and repeat contacts), AHT, ASA, service level, abandonment, escalation, containment, response times, contact drivers.");
        var common = new CommonOptions();
        common.AddTo(command);
        var slSeconds = new Option<double>("--service-level-seconds") { Description = "Service-level threshold: answered within this many seconds.", DefaultValueFactory = _ => 20 };
        var shortAbandon = new Option<double>("--short-abandon-seconds") { Description = "Abandons after a shorter wait are short abandons, excluded from service level and abandonment.", DefaultValueFactory = _ => 5 };
        var fcrWindow = new Option<double>("--fcr-window-days") { Description = "Repeat-contact window of FCR: same customer and reason again within this many days.", DefaultValueFactory = _ => 7 };
        var containmentWindow = new Option<double>("--containment-window-hours") { Description = "Self-service is contained when no assisted contact follows within this many hours.", DefaultValueFactory = _ => 24 };
        var firstResponseTarget = new Option<double>("--first-response-target-hours") { Description = "Target for first response time (asynchronous channels).", DefaultValueFactory = _ => 24 };
        var resolutionTarget = new Option<double>("--resolution-target-hours") { Description = "Target for resolution time (asynchronous channels).", DefaultValueFactory = _ => 72 };
        foreach (Option option in new Option[] { slSeconds, shortAbandon, fcrWindow, containmentWindow, firstResponseTarget, resolutionTarget })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            if (settings.By is { } by && by is not ("channel" or "reason"))
            {
                throw new UsageException($"--by '{by}' is not supported by service; use --by channel or --by reason.");
            }

            if (settings.DateColumn is { } dateColumn && dateColumn != "queued_at")
            {
                throw new UsageException($"--date-column '{dateColumn}': service always groups periods by queued_at.");
            }

            ServiceOptions options;
            try
            {
                options = new ServiceOptions
                {
                    ServiceLevelThreshold = Span(parsed.GetValue(slSeconds), 1, "--service-level-seconds"),
                    ShortAbandonThreshold = Span(parsed.GetValue(shortAbandon), 1, "--short-abandon-seconds"),
                    RepeatContactWindow = Span(parsed.GetValue(fcrWindow), 86_400, "--fcr-window-days"),
                    ContainmentWindow = Span(parsed.GetValue(containmentWindow), 3600, "--containment-window-hours"),
                    FirstResponseTarget = Span(parsed.GetValue(firstResponseTarget), 3600, "--first-response-target-hours"),
                    ResolutionTarget = Span(parsed.GetValue(resolutionTarget), 3600, "--resolution-target-hours"),
                    ConfidenceLevel = settings.Confidence,
                }.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            return Run(settings, options, console);
        });
        return command;
    }

    private static int Run(CommonSettings settings, ServiceOptions options, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(settings.Input, console.In);
        foreach (string column in RequiredColumns)
        {
            input.RequireColumn(column);
        }

        Func<string, string, DateTimeOffset, string?> keyOf = GroupKey(settings);
        var overall = new ServiceAccumulator(options);
        var repeats = new RepeatContactAccumulator(options);
        var groups = new SegmentedAccumulator<string, ServiceAccumulator>(new ServiceAccumulator(options), StringComparer.Ordinal);
        var byReason = new SegmentedAccumulator<string, ServiceAccumulator>(new ServiceAccumulator(options), StringComparer.Ordinal);
        var byPeriodAndReason = new SegmentedAccumulator<(string Period, string Reason), ServiceAccumulator>(new ServiceAccumulator(options));
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                ContactRecord contact = Read(row, input);
                overall.Add(contact);
                repeats.Add(contact);
                if (keyOf(contact.Channel, contact.Reason, contact.QueuedAt) is { } key)
                {
                    groups.Add(key, contact);
                }

                byReason.Add(contact.Reason, contact);
                if (settings.Period is { } period)
                {
                    byPeriodAndReason.Add((period.Label(contact.QueuedAt), contact.Reason), contact);
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

        RepeatContactResult overallRepeats = repeats.ToResult();
        var document = new JsonObject { ["metric"] = "service" };
        foreach ((string name, JsonNode? value) in Describe(overall.ToResult(), overallRepeats))
        {
            document[name] = value?.DeepClone();
        }

        var rows = new List<JsonObject>();
        bool grouped = settings.By is not null || settings.Period is not null;
        if (grouped)
        {
            IReadOnlyDictionary<string, RepeatContactResult> repeatGroups = repeats.ToResults(v => keyOf(v.Channel, v.Reason, v.At)!, StringComparer.Ordinal);
            var groupArray = new JsonArray();
            foreach (string key in groups.Groups.Keys.Order(StringComparer.Ordinal))
            {
                ServiceResult result = groups.Groups[key].ToResult();
                RepeatContactResult repeat = repeatGroups[key];
                groupArray.Add((JsonNode)SurveyReport.Keyed(key, Describe(result, repeat)));
                rows.Add(SurveyReport.Keyed(key, Values(result, repeat)));
            }

            document = new JsonObject { ["metric"] = "service", ["groups"] = groupArray, ["overall"] = document.DeepClone() };
            ((JsonObject)document["overall"]!).Remove("metric");
        }

        rows.Add(SurveyReport.Keyed(grouped ? "overall" : "all", Values(overall.ToResult(), overallRepeats)));
        document["drivers"] = Drivers(byReason, byPeriodAndReason, settings, options);
        if (settings.SkipInvalid)
        {
            document["skippedRows"] = skipped;
        }

        OutputOptions.Write(new OutputDocument("SERVICE", document, rows), settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    private static Func<string, string, DateTimeOffset, string?> GroupKey(CommonSettings settings) => (channel, reason, at) =>
    {
        string? segment = settings.By switch
        {
            "channel" => channel,
            "reason" => reason,
            _ => null,
        };
        string? period = settings.Period is { } p ? p.Label(at) : null;
        return (segment, period) switch
        {
            (null, null) => null,
            (_, null) => segment,
            (null, _) => period,
            _ => $"{segment} {period}",
        };
    };

    // Contact drivers over the whole input; with --period, the latest period compared with the one before it.
    private static JsonArray Drivers(SegmentedAccumulator<string, ServiceAccumulator> byReason, SegmentedAccumulator<(string Period, string Reason), ServiceAccumulator> byPeriodAndReason, CommonSettings settings, ServiceOptions options)
    {
        IReadOnlyList<ContactDriver> drivers;
        string? latestPeriod = null;
        if (settings.Period is not null && byPeriodAndReason.Groups.Count > 0)
        {
            string[] periods = byPeriodAndReason.Groups.Keys.Select(k => k.Period).Distinct().Order(StringComparer.Ordinal).ToArray();
            latestPeriod = periods[^1];
            string? previousPeriod = periods.Length > 1 ? periods[^2] : null;
            drivers = ContactDrivers.Analyze(ReasonsOf(byPeriodAndReason, latestPeriod), previousPeriod is null ? null : ReasonsOf(byPeriodAndReason, previousPeriod), options);
        }
        else
        {
            drivers = ContactDrivers.Analyze(byReason.ToResults(), null, options);
        }

        var array = new JsonArray();
        foreach (ContactDriver d in drivers)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["reason"] = d.Reason,
                ["period"] = latestPeriod,
                ["count"] = d.Count,
                ["share"] = d.Share,
                ["cumulativeShare"] = d.CumulativeShare,
                ["inParetoSet"] = d.InParetoSet,
                ["fcr"] = Rate(d.Fcr, compact: true),
                ["aht"] = new JsonObject { ["value"] = d.Aht.Value, ["count"] = d.Aht.Count },
                ["previousShare"] = d.PreviousShare,
                ["shareChange"] = d.ShareChange.Difference,
                ["pValue"] = d.ShareChange.PValue,
                ["rising"] = d.IsRising,
            });
        }

        return array;
    }

    private static Dictionary<string, ServiceResult> ReasonsOf(SegmentedAccumulator<(string Period, string Reason), ServiceAccumulator> segments, string period) =>
        segments.Groups.Where(g => g.Key.Period == period).ToDictionary(g => g.Key.Reason, g => g.Value.ToResult(), StringComparer.Ordinal);

    internal static ContactRecord Read(InputRow row, TabularInput input)
    {
        var contact = new ContactRecord
        {
            ContactId = row.RequireText("contact_id"),
            CustomerId = row.RequireText("customer_id"),
            Channel = row.RequireText("channel"),
            Reason = row.RequireText("reason"),
            QueuedAt = row.RequireTimestamp("queued_at"),
            AnsweredAt = OptionalTimestamp(row, "answered_at"),
            EndedAt = OptionalTimestamp(row, "ended_at"),
            Talk = Duration(row, "talk_seconds"),
            Hold = Duration(row, "hold_seconds"),
            Conference = Duration(row, "conference_seconds"),
            Wrap = Duration(row, "wrap_seconds"),
            Resolved = Flag(row, "resolved"),
            Abandoned = Flag(row, "abandoned"),
            Escalated = input.HasColumn("escalated") && Flag(row, "escalated"),
            SelfService = input.HasColumn("self_service") && Flag(row, "self_service"),
            FirstResponseAt = input.HasColumn("first_response_at") ? OptionalTimestamp(row, "first_response_at") : null,
            ResolvedAt = input.HasColumn("resolved_at") ? OptionalTimestamp(row, "resolved_at") : null,
        };
        try
        {
            contact.Validate();
        }
        catch (ArgumentException e)
        {
            string column = e.ParamName is { } field && ColumnOfField.TryGetValue(field, out string? c) ? c : "contact_id";
            throw row.Error(column, $"'{row[column]}': {SurveyReport.LibraryMessage(e)}");
        }

        return contact;
    }

    private static DateTimeOffset? OptionalTimestamp(InputRow row, string column) =>
        string.IsNullOrWhiteSpace(row[column]) ? null : row.RequireTimestamp(column);

    private static TimeSpan Duration(InputRow row, string column)
    {
        double seconds = row.OptionalDouble(column) ?? 0;
        return Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds / 2
            ? TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
            : throw row.Error(column, $"'{row[column]}' is not a plausible duration in seconds");
    }

    internal static bool Flag(InputRow row, string column)
    {
        string? text = row[column]?.Trim();
        return text?.ToUpperInvariant() switch
        {
            null or "" or "FALSE" or "0" or "NO" or "N" => false,
            "TRUE" or "1" or "YES" or "Y" => true,
            _ => throw row.Error(column, $"'{text}' is not true/false (also accepted: 1/0, yes/no)"),
        };
    }

    internal static TimeSpan Span(double value, double secondsPerUnit, string option) =>
        double.IsFinite(value) && Math.Abs(value * secondsPerUnit) < TimeSpan.MaxValue.TotalSeconds / 2
            ? TimeSpan.FromSeconds(value * secondsPerUnit)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} is {value}; give a finite number."));

    // One value per KPI for tables, CSV and JSON Lines (the counts and intervals are in --format json).
    private static JsonObject Values(ServiceResult r, RepeatContactResult repeat) => new()
    {
        ["contacts"] = r.Contacts,
        ["fcr"] = r.Fcr.Value,
        ["fcrRepeat"] = repeat.Fcr.Value,
        ["ahtSeconds"] = r.Aht.Value,
        ["asaSeconds"] = r.Asa.Value,
        ["serviceLevel"] = r.ServiceLevel.Value,
        ["abandonmentRate"] = r.AbandonmentRate.Value,
        ["escalationRate"] = r.EscalationRate.Value,
        ["containment"] = repeat.Containment.Value,
        ["firstResponseMedianSeconds"] = r.FirstResponse.Median,
        ["resolutionMedianSeconds"] = r.Resolution.Median,
    };

    private static JsonObject Describe(ServiceResult r, RepeatContactResult repeat) => new()
    {
        ["contacts"] = r.Contacts,
        ["fcr"] = Rate(r.Fcr, compact: false),
        ["fcrRepeat"] = Rate(repeat.Fcr, compact: false),
        ["aht"] = new JsonObject
        {
            ["value"] = r.Aht.Value, ["count"] = r.Aht.Count, ["talk"] = r.Aht.Talk, ["hold"] = r.Aht.Hold,
            ["conference"] = r.Aht.Conference, ["wrap"] = r.Aht.Wrap, ["median"] = r.Aht.Median, ["p90"] = r.Aht.P90,
        },
        ["asa"] = Duration(r.Asa),
        ["serviceLevel"] = Rate(r.ServiceLevel, compact: false),
        ["abandonmentRate"] = Rate(r.AbandonmentRate, compact: false),
        ["shortAbandons"] = r.ShortAbandoned,
        ["escalationRate"] = Rate(r.EscalationRate, compact: false),
        ["containment"] = Rate(repeat.Containment, compact: false),
        ["firstResponse"] = Duration(r.FirstResponse),
        ["resolution"] = Duration(r.Resolution),
    };

    internal static JsonObject Rate(RateResult r, bool compact)
    {
        var o = new JsonObject { ["value"] = r.Value, ["count"] = r.Count };
        if (!compact)
        {
            o["successes"] = r.Successes;
            o["confidenceInterval"] = r.ConfidenceInterval is Interval i ? new JsonObject { ["level"] = i.Level, ["lower"] = i.Lower, ["upper"] = i.Upper } : null;
        }

        return o;
    }

    private static JsonObject Duration(DurationResult d) => new()
    {
        ["value"] = d.Value,
        ["count"] = d.Count,
        ["median"] = d.Median,
        ["p90"] = d.P90,
        ["targetSeconds"] = d.TargetSeconds,
        ["withinTargetShare"] = d.WithinTargetShare,
    };
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Retention;
using Engagement.Metrics.Statistics;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>churn rate|sbg|survival|cohorts</c>: churn and retention from a file of customers
/// (<c>customer_id, start_date, end_date</c>), or the sBG model from a cohort's survivor counts.
/// </summary>
internal static class ChurnCommand
{
    public static Command Create(CliConsole console)
    {
        var churn = new Command("churn", "Churn and retention: period churn rates, the sBG retention model, Kaplan–Meier survival, cohort tables.");
        churn.Subcommands.Add(Rate(console));
        churn.Subcommands.Add(Sbg(console));
        churn.Subcommands.Add(Survival(console));
        churn.Subcommands.Add(Cohorts(console));
        return churn;
    }

    private static Command Rate(CliConsole console)
    {
        var command = new Command("rate", "Churn over [--from, --to): simple (lost/start), adjusted (lost/midpoint) or predictive (lost/customer-days, compounded).");
        var common = new CommonOptions();
        var method = new Option<string>("--method") { Description = "Churn method.", DefaultValueFactory = _ => "simple" };
        method.AcceptOnlyFromAmong("simple", "adjusted", "predictive");
        var from = new Option<string>("--from") { Description = "First day of the period (yyyy-MM-dd).", Required = true };
        var to = new Option<string>("--to") { Description = "Day after the period (exclusive, yyyy-MM-dd): --from 2025-01-01 --to 2025-02-01 is January.", Required = true };
        AddOptions(command, common, withBy: true, method, from, to);
        command.SetAction(parsed =>
        {
            CommonSettings settings = common.Read(parsed);
            DateOnly start = ParseDate(parsed.GetValue(from)!, "--from");
            DateOnly end = ParseDate(parsed.GetValue(to)!, "--to");
            if (end <= start)
            {
                throw new UsageException($"--to {end:yyyy-MM-dd} must be after --from {start:yyyy-MM-dd} (--to is exclusive).");
            }

            ChurnMethod m = parsed.GetValue(method) switch
            {
                "adjusted" => ChurnMethod.Adjusted,
                "predictive" => ChurnMethod.Predictive,
                _ => ChurnMethod.Simple,
            };
            ChurnInput input = ChurnInput.Read(settings, console);
            JsonObject Describe(List<CustomerRecord> customers) => DescribeRate(Churn.Calculate(customers.ToArray(), start, end, m), settings.Confidence);
            JsonObject overall = Describe(input.Customers);
            OutputDocument output = settings.By is null
                ? Single($"Churn ({parsed.GetValue(method)})", overall)
                : Grouped($"Churn ({parsed.GetValue(method)}) by {settings.By}", input, Describe, overall);
            return Write(output, settings, input, console);
        });
        return command;
    }

    private static Command Sbg(CliConsole console)
    {
        var command = new Command("sbg", "Fit the shifted-beta-geometric retention model (Fader & Hardie 2007) to one cohort's survivors and project it.");
        var survivors = new Option<string>("--survivors") { Description = "Survivors of one cohort per period, starting with its size: 1000,631,468,382,…", Required = true };
        var horizon = new Option<int?>("--horizon") { Description = "Project to this period (default: 5 beyond the data)." };
        var discount = new Option<double>("--discount-rate") { Description = "Discount rate per period for DERL.", DefaultValueFactory = _ => 0.1 };
        var output = new OutputOptions();
        command.Options.Add(survivors);
        command.Options.Add(horizon);
        command.Options.Add(discount);
        output.AddTo(command);
        command.SetAction(parsed =>
        {
            long[] counts = ParseCounts(parsed.GetValue(survivors)!);
            SbgModel model;
            try
            {
                model = ShiftedBetaGeometric.Fit(counts);
            }
            catch (ArgumentException e)
            {
                throw new InputDataException($"--survivors: {FirstSentence(e)}");
            }

            int periods = counts.Length - 1;
            int h = parsed.GetValue(horizon) ?? (periods + 5);
            if (h < 1 || h > 10_000)
            {
                throw new UsageException($"--horizon is {h}; give a period between 1 and 10000.");
            }

            double d = parsed.GetValue(discount);
            if (!(d >= 1e-4 && double.IsFinite(d)))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--discount-rate is {d}; give a rate per period >= 0.0001, e.g. 0.1."));
            }

            if (!model.Converged)
            {
                console.Error.WriteLine($"warning: the sBG fit did not converge ({model.Diagnostics}); the parameters are not a maximum.");
            }

            double[] projection = model.ProjectSurvivors(counts[0], h);
            double[] survival = model.SurvivalCurve(h);
            double[] retention = model.RetentionCurve(h);
            FitDiagnostics diagnostics = model.Diagnostics!.Value;
            var document = new JsonObject
            {
                ["model"] = "sbg",
                ["parameters"] = new JsonObject { ["alpha"] = model.Alpha.Value, ["beta"] = model.Beta.Value },
                ["standardErrors"] = new JsonObject { ["alpha"] = model.Alpha.StandardError, ["beta"] = model.Beta.StandardError },
                ["logLikelihood"] = model.LogLikelihood,
                ["converged"] = model.Converged,
                ["status"] = diagnostics.Status.ToString(),
                ["iterations"] = diagnostics.Iterations,
                ["cohortSize"] = counts[0],
                ["periods"] = periods,
                ["observed"] = new JsonArray(counts.Select(c => (JsonNode)c).ToArray()),
                ["retention"] = new JsonArray(retention.Select(r => (JsonNode)r).ToArray()),
                ["survival"] = new JsonArray(survival.Select(s => (JsonNode)s).ToArray()),
                ["projection"] = new JsonArray(projection.Select(p => (JsonNode)p).ToArray()),
                ["discountRate"] = d,
                ["derl"] = model.DiscountedExpectedResidualLifetime(d, periods),
                ["discountedExpectedLifetime"] = model.DiscountedExpectedLifetime(d),
            };
            var rows = new List<JsonObject>();
            for (int t = 0; t <= h; t++)
            {
                rows.Add(new JsonObject
                {
                    ["period"] = t,
                    ["observed"] = t <= periods ? counts[t] : null,
                    ["projected"] = projection[t],
                    ["survival"] = survival[t],
                    ["retention"] = t > 0 ? retention[t - 1] : null,
                });
            }

            string title = string.Create(CultureInfo.InvariantCulture, $"sBG: alpha = {model.Alpha}, beta = {model.Beta}, log L = {model.LogLikelihood:F2}, DERL({d:P0}) = {document["derl"]!.GetValue<double>():F3}");
            OutputOptions.Write(new OutputDocument(title, document, rows), parsed.GetValue(output.Format), parsed.GetValue(output.Output), console);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Survival(CliConsole console)
    {
        var command = new Command("survival", "Kaplan–Meier survival of customer lifetimes in days (censored at --as-of), median lifetime; --by with two groups adds a log-rank test.");
        var common = new CommonOptions();
        var asOf = AsOfOption();
        AddOptions(command, common, withBy: true, asOf);
        command.SetAction(parsed =>
        {
            (CommonSettings settings, ChurnInput input, DateOnly day) = ReadObserved(parsed, common, asOf, console);
            var options = new SurvivalOptions { ConfidenceLevel = settings.Confidence };
            KaplanMeierCurve overall = KaplanMeier.Estimate(input.Customers.ToArray(), day, options);
            if (settings.By is null)
            {
                JsonObject document = DescribeCurve(overall, day);
                return Write(new OutputDocument("Kaplan–Meier survival (days)", document, CurveRows(overall, null)), settings, input, console);
            }

            SortedDictionary<string, List<CustomerRecord>> groups = input.Groups();
            var groupNodes = new JsonArray();
            var rows = new List<JsonObject>();
            var durations = new List<(int[] Days, bool[] Churned)>();
            foreach ((string key, List<CustomerRecord> customers) in groups)
            {
                KaplanMeierCurve curve = KaplanMeier.Estimate(customers.ToArray(), day, options);
                JsonObject node = DescribeCurve(curve, day);
                node.Insert(0, "key", key);
                groupNodes.Add((JsonNode)node);
                rows.AddRange(CurveRows(curve, key));
                int[] days = new int[customers.Count];
                bool[] churned = new bool[customers.Count];
                KaplanMeier.ToDurations(customers.ToArray(), day, days, churned);
                durations.Add((days, churned));
            }

            JsonObject? logRank = null;
            if (durations.Count == 2)
            {
                LogRankResult test = LogRank.Test(durations[0].Days, durations[0].Churned, durations[1].Days, durations[1].Churned);
                logRank = new JsonObject
                {
                    ["groups"] = new JsonArray(groups.Keys.Select(k => (JsonNode)k).ToArray()),
                    ["observed"] = new JsonArray(test.ObservedA, test.ObservedB),
                    ["expected"] = new JsonArray(test.ExpectedA, test.ExpectedB),
                    ["chiSquare"] = test.ChiSquare,
                    ["pValue"] = test.PValue,
                };
            }
            else
            {
                console.Error.WriteLine($"note: --by {settings.By} has {durations.Count} group(s); the log-rank test compares exactly two.");
            }

            var grouped = new JsonObject
            {
                ["groups"] = groupNodes,
                ["overall"] = DescribeCurve(overall, day),
                ["logRank"] = logRank,
            };
            string title = logRank is null
                ? $"Kaplan–Meier survival (days) by {settings.By}"
                : string.Create(CultureInfo.InvariantCulture, $"Kaplan–Meier survival (days) by {settings.By}; log-rank chi2 = {logRank["chiSquare"]?.GetValue<double>():F3}, p = {logRank["pValue"]?.GetValue<double>():G3}");
            return Write(new OutputDocument(title, grouped, rows), settings, input, console);
        });
        return command;
    }

    private static Command Cohorts(CliConsole console)
    {
        var command = new Command("cohorts", "Cohort retention table: start month × months since start, share of each cohort still active on its monthly anniversaries.");
        var common = new CommonOptions();
        var asOf = AsOfOption();
        AddOptions(command, common, withBy: false, asOf);
        command.SetAction(parsed =>
        {
            (CommonSettings settings, ChurnInput input, DateOnly day) = ReadObserved(parsed, common, asOf, console);
            CohortRetentionTable table = CohortRetention.Build(input.Customers.ToArray(), day);
            var cohorts = new JsonArray();
            var rows = new List<JsonObject>();
            int columns = table.Cohorts.Count == 0 ? 0 : table.Cohorts.Max(c => c.Retained.Count);
            foreach (CohortRow cohort in table.Cohorts)
            {
                string month = cohort.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                cohorts.Add((JsonNode)new JsonObject
                {
                    ["cohort"] = month,
                    ["size"] = cohort.Size,
                    ["retained"] = new JsonArray(cohort.Retained.Select(r => (JsonNode)r).ToArray()),
                    ["retention"] = new JsonArray(Enumerable.Range(0, cohort.Retained.Count).Select(k => (JsonNode?)cohort.Rate(k)).ToArray()),
                });
                var row = new JsonObject { ["cohort"] = month, ["size"] = cohort.Size };
                for (int k = 0; k < columns; k++)
                {
                    row["m" + k.ToString(CultureInfo.InvariantCulture)] = cohort.Rate(k) is double r ? Math.Round(r, 3) : null;
                }

                rows.Add(row);
            }

            var document = new JsonObject
            {
                ["asOf"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["cohorts"] = cohorts,
                ["pooledRetention"] = new JsonArray(Enumerable.Range(0, columns).Select(k => (JsonNode?)table.PooledRate(k)).ToArray()),
            };
            return Write(new OutputDocument($"Cohort retention as of {day:yyyy-MM-dd} (share active k months after start)", document, rows), settings, input, console);
        });
        return command;
    }

    private static void AddOptions(Command command, CommonOptions common, bool withBy, params Option[] extra)
    {
        command.Options.Add(common.Input);
        common.Output.AddTo(command);
        foreach (Option option in extra)
        {
            command.Options.Add(option);
        }

        if (withBy)
        {
            command.Options.Add(common.By);
        }

        command.Options.Add(common.Confidence);
        command.Options.Add(common.SkipInvalid);
    }

    /// <summary>Reads the customers and the as-of date (default: the latest date in the file); every start must be on or before it.</summary>
    private static (CommonSettings Settings, ChurnInput Input, DateOnly AsOf) ReadObserved(ParseResult parsed, CommonOptions common, Option<string?> asOf, CliConsole console)
    {
        CommonSettings settings = common.Read(parsed);
        ChurnInput input = ChurnInput.Read(settings, console);
        DateOnly day = AsOf(parsed.GetValue(asOf), input);
        input.RequireStartsBy(day);
        return (settings, input, day);
    }

    private static Option<string?> AsOfOption() => new("--as-of") { Description = "Last day of observation (yyyy-MM-dd); ends after it are unknown, so those customers are censored. Default: the latest date in the file." };

    private static DateOnly AsOf(string? text, ChurnInput input) =>
        text is null ? input.LatestDate ?? new DateOnly(2000, 1, 1) : ParseDate(text, "--as-of");

    private static JsonObject DescribeRate(ChurnResult r, double level) => new()
    {
        ["method"] = r.Method.ToString().ToLowerInvariant(),
        ["rate"] = r.Rate,
        ["startCustomers"] = r.StartCustomers,
        ["endCustomers"] = r.EndCustomers,
        ["lost"] = r.Lost,
        ["acquired"] = r.Acquired,
        ["lostFromStart"] = r.LostFromStart,
        ["customerDays"] = r.CustomerDays,
        ["dailyRate"] = r.DailyRate,
        ["retentionRate"] = r.RetentionRate,
        ["customerRetentionRate"] = r.CustomerRetentionRate,
        ["standardError"] = r.StandardError,
        ["confidenceInterval"] = r.ConfidenceInterval(level) is { } i ? new JsonObject { ["level"] = i.Level, ["lower"] = i.Lower, ["upper"] = i.Upper } : null,
        ["from"] = r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static JsonObject DescribeCurve(KaplanMeierCurve curve, DateOnly asOf) => new()
    {
        ["customers"] = curve.Count,
        ["events"] = curve.Events,
        ["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["medianLifetimeDays"] = curve.MedianSurvivalTime,
        ["confidenceLevel"] = curve.ConfidenceLevel,
        ["curve"] = new JsonArray(curve.Points.Select(p => (JsonNode)Point(p, null)).ToArray()),
    };

    private static List<JsonObject> CurveRows(KaplanMeierCurve curve, string? key) => curve.Points.Select(p => Point(p, key)).ToList();

    private static JsonObject Point(SurvivalPoint p, string? key)
    {
        var node = new JsonObject();
        if (key is not null)
        {
            node["key"] = key;
        }

        node["time"] = p.Time;
        node["survival"] = p.Survival;
        node["atRisk"] = p.AtRisk;
        node["events"] = p.Events;
        node["censored"] = p.Censored;
        node["lower"] = p.Lower;
        node["upper"] = p.Upper;
        return node;
    }

    private static OutputDocument Single(string title, JsonObject result) => new(title, result, [(JsonObject)result.DeepClone()]);

    private static OutputDocument Grouped(string title, ChurnInput input, Func<List<CustomerRecord>, JsonObject> describe, JsonObject overall)
    {
        var rows = new List<JsonObject>();
        foreach ((string key, List<CustomerRecord> customers) in input.Groups())
        {
            JsonObject row = describe(customers);
            row.Insert(0, "key", key);
            rows.Add(row);
        }

        var document = new JsonObject
        {
            ["groups"] = new JsonArray(rows.Select(r => r.DeepClone()).ToArray()),
            ["overall"] = overall.DeepClone(),
        };
        overall.Insert(0, "key", "overall");
        rows.Add(overall);
        return new OutputDocument(title, document, rows);
    }

    private static int Write(OutputDocument output, CommonSettings settings, ChurnInput input, CliConsole console)
    {
        if (settings.SkipInvalid)
        {
            output.Document["skippedRows"] = input.Skipped;
        }

        OutputOptions.Write(output, settings.Format, settings.Output, console);
        return ExitCodes.Ok;
    }

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day
            : throw new UsageException($"{option} is '{text}'; give a date as yyyy-MM-dd, e.g. 2025-01-01.");

    private static long[] ParseCounts(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        long[] counts = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out counts[i]))
            {
                throw new InputDataException($"--survivors: value {i + 1} '{parts[i]}' is not a whole number; give counts like 1000,631,468.");
            }
        }

        return counts;
    }

    // ArgumentException appends "(Parameter 'x')"; the first line is ours.
    private static string FirstSentence(ArgumentException e) =>
        e.Message.Split('\n')[0].Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).Trim();
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>staffing</c>: Erlang C for one interval's volume and handle time — the agents needed for a service-level,
/// ASA or occupancy target, or the predicted performance of a given number of agents.
/// </summary>
internal static class StaffingCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("staffing", "Erlang C (or, with --patience-seconds, Erlang A) staffing: agents needed for a target (default 80% answered in 20 s), or the performance of --agents.");
        var calls = new Option<double>("--calls") { Description = "Calls offered in the interval.", Required = true };
        var intervalMinutes = new Option<double>("--interval-minutes") { Description = "Length of the interval in minutes.", DefaultValueFactory = _ => 30 };
        var ahtSeconds = new Option<double>("--aht-seconds") { Description = "Average handle time in seconds (talk + hold + wrap-up).", Required = true };
        var agents = new Option<int?>("--agents") { Description = "Evaluate this many agents instead of finding the fewest that meet the targets." };
        var slSeconds = new Option<double>("--service-level-seconds") { Description = "Threshold t of the service level (answered within t).", DefaultValueFactory = _ => 20 };
        var target = new Option<double?>("--target") { Description = "Service-level target, e.g. 0.8 (default 0.8 unless --max-asa-seconds is given)." };
        var maxAsa = new Option<double?>("--max-asa-seconds") { Description = "Ceiling on the average speed of answer, in seconds." };
        var maxOccupancy = new Option<double?>("--max-occupancy") { Description = "Ceiling on occupancy A/N, e.g. 0.85." };
        var patience = new Option<double?>("--patience-seconds") { Description = "Mean caller patience: use Erlang A (callers may hang up) instead of Erlang C." };
        var maxAbandonment = new Option<double?>("--max-abandonment") { Description = "Ceiling on the share of callers who abandon, e.g. 0.05 (Erlang A only: needs --patience-seconds)." };
        var shrinkage = new Option<double>("--shrinkage") { Description = "Share of paid time off the phones; scheduled agents = ceil(N / (1 - shrinkage)).", DefaultValueFactory = _ => 0 };
        var output = new OutputOptions();
        foreach (Option option in new Option[] { calls, intervalMinutes, ahtSeconds, agents, patience, slSeconds, target, maxAsa, maxOccupancy, maxAbandonment, shrinkage })
        {
            command.Options.Add(option);
        }

        output.AddTo(command);
        command.SetAction(parsed =>
        {
            double volume = parsed.GetValue(calls);
            TimeSpan interval = Seconds(parsed.GetValue(intervalMinutes) * 60, "--interval-minutes");
            TimeSpan aht = Seconds(parsed.GetValue(ahtSeconds), "--aht-seconds");
            TimeSpan threshold = Seconds(parsed.GetValue(slSeconds), "--service-level-seconds", allowZero: true);
            double? asa = parsed.GetValue(maxAsa);
            int? fixedAgents = parsed.GetValue(agents);
            StaffingOptions Targets() => new()
            {
                ServiceLevelThreshold = threshold,
                ServiceLevelTarget = parsed.GetValue(target) ?? (asa is null ? 0.80 : null),
                MaxAverageSpeedOfAnswer = asa is { } s ? Seconds(s, "--max-asa-seconds", allowZero: true) : null,
                MaxOccupancy = parsed.GetValue(maxOccupancy),
                MaxAbandonmentRate = parsed.GetValue(maxAbandonment),
                Shrinkage = parsed.GetValue(shrinkage),
            };

            if (parsed.GetValue(patience) is { } patienceSeconds)
            {
                TimeSpan meanPatience = Seconds(patienceSeconds, "--patience-seconds");
                JsonObject erlangA = LibraryCall(() => fixedAgents is { } n
                    ? Describe(ErlangA.Evaluate(volume, interval, aht, meanPatience, n, threshold))
                    : Describe(ErlangA.RequiredAgents(volume, interval, aht, meanPatience, Targets())));
                return Write(erlangA, "erlang-a", parsed, output, console);
            }

            if (parsed.GetValue(maxAbandonment) is not null)
            {
                throw new UsageException("--max-abandonment needs --patience-seconds: Erlang C assumes nobody hangs up, so only Erlang A can meet an abandonment target.");
            }

            JsonObject result = LibraryCall(() => fixedAgents is { } n
                ? Describe(ErlangC.Evaluate(volume, interval, aht, n, threshold))
                : Describe(ErlangC.RequiredAgents(volume, interval, aht, Targets())));
            return Write(result, "erlang-c", parsed, output, console);
        });
        return command;
    }

    private static int Write(JsonObject result, string model, ParseResult parsed, OutputOptions output, CliConsole console)
    {
        var document = new JsonObject { ["model"] = model };
            foreach ((string name, JsonNode? value) in result.ToList())
            {
                result.Remove(name);
                document[name] = value;
            }

        OutputOptions.Write(new OutputDocument($"Staffing ({model})", document, [(JsonObject)document.DeepClone()]), parsed.GetValue(output.Format), parsed.GetValue(output.Output), console);
        return ExitCodes.Ok;
    }

    private static JsonObject Describe(StaffingRequirement requirement)
    {
        JsonObject metrics = Describe(requirement.Metrics);
        metrics["scheduledAgents"] = requirement.ScheduledAgents;
        metrics["shrinkage"] = requirement.Shrinkage;
        return metrics;
    }

    private static JsonObject Describe(ErlangAStaffingRequirement requirement)
    {
        JsonObject metrics = Describe(requirement.Metrics);
        metrics["scheduledAgents"] = requirement.ScheduledAgents;
        metrics["shrinkage"] = requirement.Shrinkage;
        return metrics;
    }

    private static JsonObject Describe(ErlangCResult r) => new()
    {
        ["offeredLoad"] = r.OfferedLoad,
        ["agents"] = r.Agents,
        ["stable"] = r.IsStable,
        ["probabilityOfWaiting"] = r.ProbabilityOfWaiting,
        ["serviceLevel"] = r.ServiceLevel,
        ["serviceLevelSeconds"] = r.ServiceLevelThreshold.TotalSeconds,
        ["averageSpeedOfAnswerSeconds"] = r.AverageSpeedOfAnswerSeconds,
        ["occupancy"] = r.Occupancy,
    };

    private static JsonObject Describe(ErlangAResult r) => new()
    {
        ["offeredLoad"] = r.OfferedLoad,
        ["agents"] = r.Agents,
        ["averagePatienceSeconds"] = r.AveragePatience.TotalSeconds,
        ["probabilityOfWaiting"] = r.ProbabilityOfWaiting,
        ["probabilityOfAbandonment"] = r.ProbabilityOfAbandonment,
        ["serviceLevel"] = r.ServiceLevel,
        ["serviceLevelSeconds"] = r.ServiceLevelThreshold.TotalSeconds,
        ["averageSpeedOfAnswerSeconds"] = r.AverageSpeedOfAnswerSeconds,
        ["averageWaitSeconds"] = r.AverageWait.TotalSeconds,
        ["occupancy"] = r.Occupancy,
    };

    private static TimeSpan Seconds(double seconds, string option, bool allowZero = false) =>
        double.IsFinite(seconds) && (seconds > 0 || (allowZero && seconds == 0)) && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{option} is {seconds}; give a finite number of {(option.EndsWith("minutes", StringComparison.Ordinal) ? "minutes" : "seconds")}{(allowZero ? " >= 0" : " > 0")}.");

    // The library validates volumes, agents and targets; its message names the broken rule.
    private static JsonObject LibraryCall(Func<JsonObject> call)
    {
        try
        {
            return call();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.ReplaceLineEndings(" "));
        }
    }
}

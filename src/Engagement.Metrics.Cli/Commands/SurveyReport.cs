using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// Streams an input file into one accumulator overall and one per group (segment and/or period), then renders
/// the results. Every row is validated before it is counted; a bad row fails the run (exit 3) or, with
/// <c>--skip-invalid</c>, is counted as skipped and reported.
/// </summary>
internal static partial class SurveyReport
{
    private static readonly string[] DateColumnCandidates = ["date", "responded_at", "created_at", "timestamp"];

    public static int Run<TAccumulator>(string metric, CommonSettings common, SurveySettings survey, TAccumulator template, Func<TAccumulator, JsonObject> describe, CliConsole console)
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        using TabularInput input = TabularInput.Open(common.Input, console.In);
        input.RequireColumn(survey.ScoreColumn);
        if (survey.WeightColumn is { } weightColumn)
        {
            input.RequireColumn(weightColumn);
        }

        if (common.By is { } by)
        {
            input.RequireColumn(by);
        }

        string? dateColumn = common.Period is null ? null : DateColumn(input, common.DateColumn);
        bool grouped = common.By is not null || common.Period is not null;

        TAccumulator overall = template.CreateEmpty();
        var groups = new SegmentedAccumulator<string, TAccumulator>(template, StringComparer.Ordinal);
        var skipped = new SkippedRows();
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                // Read every field first, so a bad row changes nothing; the library's checks (scale, weight)
                // then decide validity, and an accepted response cannot fail in the group accumulator.
                (int score, double weight, string? key) = ReadResponse(row, common, survey, dateColumn);
                AddResponse(row, overall, score, weight, survey);
                if (key is not null)
                {
                    groups.Add(key, score, weight);
                }
            }
            catch (InputDataException e) when (common.SkipInvalid)
            {
                skipped.Add(e.Message);
            }
        }

        if (skipped.Count > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped.Count} invalid row(s); first: {skipped.First}");
        }

        OutputDocument output = grouped
            ? Grouped(metric, groups, overall, describe)
            : Single(metric, describe(overall));
        if (common.SkipInvalid)
        {
            output.Document["skippedRows"] = skipped.Count;
        }

        OutputOptions.Write(output, common.Format, common.Output, console);
        return ExitCodes.Ok;
    }

    private static (int Score, double Weight, string? Key) ReadResponse(InputRow row, CommonSettings common, SurveySettings survey, string? dateColumn)
    {
        int score = row.RequireInt(survey.ScoreColumn);
        double weight = survey.WeightColumn is { } w
            ? row.OptionalDouble(w) ?? throw row.Error(w, "is empty; a weight is required")
            : 1;
        string? segment = common.By is { } by ? row.RequireText(by) : null;
        string? period = common.Period is { } p ? p.Label(row.RequireTimestamp(dateColumn!)) : null;
        return (score, weight, GroupKey(segment, period));
    }

    /// <summary>The group of a row: its segment, its period, both ("chat 2026-Q1"), or none.</summary>
    internal static string? GroupKey(string? segment, string? period) => (segment, period) switch
    {
        (null, null) => null,
        (_, null) => segment,
        (null, _) => period,
        _ => $"{segment} {period}",
    };

    private static void AddResponse<TAccumulator>(InputRow row, TAccumulator accumulator, int score, double weight, SurveySettings survey)
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        try
        {
            accumulator.Add(score, weight);
        }
        catch (ArgumentOutOfRangeException e)
        {
            string column = e.ParamName == "weight" ? survey.WeightColumn ?? "weight" : survey.ScoreColumn;
            throw row.Error(column, LibraryMessage(e));
        }
    }

    private static OutputDocument Single(string metric, JsonObject result)
    {
        var document = new JsonObject { ["metric"] = metric };
        foreach ((string name, JsonNode? value) in result.ToList())
        {
            result.Remove(name);
            document[name] = value;
        }

        return new OutputDocument(metric.ToUpperInvariant(), document, [(JsonObject)document.DeepClone()]);
    }

    private static OutputDocument Grouped<TAccumulator>(string metric, SegmentedAccumulator<string, TAccumulator> groups, TAccumulator overall, Func<TAccumulator, JsonObject> describe)
        where TAccumulator : class, IScoreAccumulator<TAccumulator>
    {
        var rows = new List<JsonObject>();
        foreach (string key in groups.Groups.Keys.Order(StringComparer.Ordinal))
        {
            rows.Add(Keyed(key, describe(groups.Groups[key])));
        }

        JsonObject total = describe(overall);
        var document = new JsonObject
        {
            ["metric"] = metric,
            ["groups"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
            ["overall"] = total.DeepClone(),
        };
        rows.Add(Keyed("overall", total));
        return new OutputDocument(metric.ToUpperInvariant(), document, rows);
    }

    internal static JsonObject Keyed(string key, JsonObject values)
    {
        var row = new JsonObject { ["key"] = key };
        foreach ((string name, JsonNode? value) in values.ToList())
        {
            values.Remove(name);
            row[name] = value;
        }

        return row;
    }

    internal static string DateColumn(TabularInput input, string? requested)
    {
        if (requested is not null)
        {
            input.RequireColumn(requested);
            return requested;
        }

        return DateColumnCandidates.FirstOrDefault(input.HasColumn)
            ?? throw new InputDataException($"{input.Source}: --period needs a date column ({string.Join(", ", DateColumnCandidates)}) or --date-column; the columns are: {string.Join(", ", input.Columns)}.");
    }

    // ArgumentException appends "(Parameter 'x')" and "Actual value was …" lines; the first sentence is ours.
    internal static string LibraryMessage(ArgumentException e) => ParameterSuffix().Replace(e.Message.Split('\n')[0], "").Trim();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)\s*$")]
    private static partial Regex ParameterSuffix();

    internal sealed class SkippedRows
    {
        public int Count { get; private set; }

        public string? First { get; private set; }

        public void Add(string reason)
        {
            Count++;
            First ??= reason;
        }
    }
}

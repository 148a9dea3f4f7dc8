using System.CommandLine;
using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Cli.Output;
using Engagement.Metrics.Sentiment;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// <c>sentiment</c>: scores each message's text with the lexicon scorer. <c>--format jsonl</c> (or csv) writes one
/// object per input row, in order; <c>json</c> and <c>table</c> write the aggregates (overall, <c>--by</c>, <c>--period</c>).
/// Without <c>--input</c> it reads plain lines (one message per line) from stdin.
/// </summary>
internal static class SentimentCommand
{
    private static readonly string[] IdColumnCandidates = ["id", "message_id"];
    private static readonly string[] DateColumnCandidates = ["sent_at", "date", "created_at", "timestamp"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("sentiment", "Message sentiment (VADER-style lexicon scorer, English and Spanish): per row with --format jsonl, or mean compound and net sentiment (% positive - % negative).");
        var common = new CommonOptions();
        common.AddTo(command);
        common.Input.Required = false;
        common.Input.Description = "Input file: CSV with a header row, or JSON Lines (.jsonl); '-' reads CSV from stdin; omitted: plain text lines from stdin, one message per line.";
        var language = new Option<string>("--language") { Description = "Language of the messages; auto detects it per message.", DefaultValueFactory = _ => "auto" };
        language.AcceptOnlyFromAmong("auto", "en", "es");
        var textColumn = new Option<string>("--text-column") { Description = "The column holding the message text.", DefaultValueFactory = _ => "text" };
        var idColumn = new Option<string?>("--id-column") { Description = "A column copied into each jsonl/csv row (default: id or message_id when present)." };
        command.Options.Add(language);
        command.Options.Add(textColumn);
        command.Options.Add(idColumn);
        command.SetAction(parsed =>
        {
            // --input is optional here: without it, CommonSettings.Input is null and stdin holds plain lines.
            bool plainLines = parsed.GetValue(common.Input) is null;
            CommonSettings settings = common.Read(parsed);
            var options = new SentimentOptions
            {
                Language = parsed.GetValue(language) switch { "en" => SentimentLanguage.English, "es" => SentimentLanguage.Spanish, _ => SentimentLanguage.Auto },
                ConfidenceLevel = settings.Confidence,
            };
            return Run(plainLines, settings, parsed.GetValue(textColumn)!, parsed.GetValue(idColumn), options, console);
        });
        return command;
    }

    private static int Run(bool plainLines, CommonSettings common, string textColumn, string? idColumn, SentimentOptions options, CliConsole console)
    {
        var scorer = new LexiconSentimentScorer(options);
        bool perRow = common.Format is OutputFormat.Jsonl or OutputFormat.Csv;
        var overall = new SentimentAccumulator(options);
        var groups = new SegmentedAccumulator<string, SentimentAccumulator>(overall, StringComparer.Ordinal);
        var rows = new List<JsonObject>();
        if (plainLines)
        {
            if (common.By is not null || common.Period is not null)
            {
                throw new UsageException("--by and --period need a CSV or JSON Lines --input with those columns; plain lines on stdin have no columns.");
            }

            while (console.In.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    Score(scorer, line, null, null, overall, groups, perRow ? rows : null);
                }
            }
        }
        else
        {
            ReadTable(common, textColumn, idColumn, scorer, overall, groups, perRow ? rows : null, console);
        }

        OutputDocument output = perRow
            ? new OutputDocument("Sentiment", new JsonObject { ["rows"] = new JsonArray([.. rows]) }, rows)
            : Aggregates(common, overall, groups);
        OutputOptions.Write(output, common.Format, common.Output, console);
        return ExitCodes.Ok;
    }

    private static void ReadTable(CommonSettings common, string textColumn, string? idColumn, LexiconSentimentScorer scorer, SentimentAccumulator overall, SegmentedAccumulator<string, SentimentAccumulator> groups, List<JsonObject>? rows, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(common.Input, console.In);
        input.RequireColumn(textColumn);
        if (idColumn is not null)
        {
            input.RequireColumn(idColumn);
        }
        else
        {
            idColumn = IdColumnCandidates.FirstOrDefault(input.HasColumn);
        }

        if (common.By is { } by)
        {
            input.RequireColumn(by);
        }

        string? dateColumn = null;
        if (common.Period is not null)
        {
            dateColumn = common.DateColumn ?? DateColumnCandidates.FirstOrDefault(input.HasColumn)
                ?? throw new InputDataException($"{input.Source}: --period needs a date column ({string.Join(", ", DateColumnCandidates)}) or --date-column; the columns are: {string.Join(", ", input.Columns)}.");
            input.RequireColumn(dateColumn);
        }

        int skipped = 0;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                string? segment = common.By is { } b ? row.RequireText(b) : null;
                string? period = common.Period is { } p ? p.Label(row.RequireTimestamp(dateColumn!)) : null;
                Score(scorer, row[textColumn] ?? string.Empty, idColumn is null ? null : (idColumn, row[idColumn]), SurveyReport.GroupKey(segment, period), overall, groups, rows);
            }
            catch (InputDataException) when (common.SkipInvalid)
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped} invalid row(s)");
        }
    }

    private static void Score(LexiconSentimentScorer scorer, string text, (string Column, string? Value)? id, string? key, SentimentAccumulator overall, SegmentedAccumulator<string, SentimentAccumulator> groups, List<JsonObject>? rows)
    {
        SentimentScore score = scorer.Score(text);
        overall.Add(score);
        if (key is not null)
        {
            groups.Add(key, score, static (acc, s) => acc.Add(s));
        }

        if (rows is null)
        {
            return;
        }

        var row = new JsonObject();
        if (id is { } column)
        {
            row[CamelCase(column.Column)] = column.Value;
        }

        row["compound"] = Math.Round(score.Compound, 4);
        row["positive"] = Math.Round(score.Positive, 3);
        row["neutral"] = Math.Round(score.Neutral, 3);
        row["negative"] = Math.Round(score.Negative, 3);
        row["label"] = score.Label.ToString().ToLowerInvariant();
        rows.Add(row);
    }

    private static OutputDocument Aggregates(CommonSettings common, SentimentAccumulator overall, SegmentedAccumulator<string, SentimentAccumulator> groups)
    {
        var document = new JsonObject { ["metric"] = "sentiment" };
        JsonObject total = Describe(overall.ToResult());
        if (common.By is null && common.Period is null)
        {
            foreach ((string name, JsonNode? value) in total)
            {
                document[name] = value?.DeepClone();
            }

            return new OutputDocument("Sentiment", document, [total]);
        }

        var rows = new List<JsonObject>();
        foreach (string key in groups.Groups.Keys.Order(StringComparer.Ordinal))
        {
            var row = new JsonObject { ["key"] = key };
            foreach ((string name, JsonNode? value) in Describe(groups.Groups[key].ToResult()))
            {
                row[name] = value?.DeepClone();
            }

            rows.Add(row);
        }

        document["groups"] = new JsonArray([.. rows.Select(r => (JsonNode)r.DeepClone())]);
        document["overall"] = total.DeepClone();
        var overallRow = new JsonObject { ["key"] = "overall" };
        foreach ((string name, JsonNode? value) in total)
        {
            overallRow[name] = value?.DeepClone();
        }

        rows.Add(overallRow);
        return new OutputDocument("Sentiment", document, rows);
    }

    internal static JsonObject Describe(SentimentSummary s) => new()
    {
        ["count"] = s.Count,
        ["meanCompound"] = s.MeanCompound,
        ["meanCompoundConfidenceInterval"] = SurveyCommand.Describe(s.MeanCompoundConfidenceInterval),
        ["netSentiment"] = s.NetSentiment,
        ["standardError"] = s.NetSentimentStandardError,
        ["confidenceInterval"] = SurveyCommand.Describe(s.NetSentimentConfidenceInterval),
        ["positive"] = s.Positive,
        ["neutral"] = s.Neutral,
        ["negative"] = s.Negative,
    };

    private static string CamelCase(string snake)
    {
        string[] parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
    }
}

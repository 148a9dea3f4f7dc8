using System.Text.Json.Nodes;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Surveys;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// The shared loop of <c>social</c> and <c>reputation</c>: read one record per row, add it to the overall accumulator
/// and to its group (segment and/or period), and report bad rows as <c>file:row:column</c> errors (exit 3) or, with
/// <c>--skip-invalid</c>, count them.
/// </summary>
internal static class SocialReport
{
    public const string DefaultDateColumn = "published_at";

    public sealed record Totals<TAccumulator>(TAccumulator Overall, SegmentedAccumulator<string, TAccumulator> Groups, int Skipped)
        where TAccumulator : class, IMergeableAccumulator<TAccumulator>;

    /// <param name="input">The open input file.</param>
    /// <param name="common">The common options (segment, period, date column, skip-invalid).</param>
    /// <param name="template">An empty accumulator with the options to use.</param>
    /// <param name="read">Reads one record from a row, throwing <see cref="InputDataException"/> for unreadable fields.</param>
    /// <param name="dateOf">The record's date, used for --period unless --date-column names another column.</param>
    /// <param name="add">Adds a record to an accumulator.</param>
    /// <param name="columnOf">Maps a library field name (for example <c>Reach</c>) to the CSV column (<c>reach</c>).</param>
    /// <param name="console">Where warnings about skipped rows go.</param>
    public static Totals<TAccumulator> Accumulate<TRecord, TAccumulator>(
        TabularInput input, CommonSettings common, TAccumulator template,
        Func<InputRow, TRecord> read, Func<TRecord, DateTimeOffset> dateOf, Action<TAccumulator, TRecord> add,
        Func<string, string> columnOf, CliConsole console)
        where TAccumulator : class, IMergeableAccumulator<TAccumulator>
    {
        if (common.By is { } by)
        {
            input.RequireColumn(by);
        }

        string? dateColumn = common.Period is null ? null : SurveyReport.DateColumn(input, common.DateColumn ?? DefaultDateColumn);
        TAccumulator overall = template.CreateEmpty();
        var groups = new SegmentedAccumulator<string, TAccumulator>(template, StringComparer.Ordinal);
        var skipped = new SurveyReport.SkippedRows();
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                TRecord record = read(row);
                string? segment = common.By is { } column ? row.RequireText(column) : null;
                string? period = common.Period is { } p ? p.Label(dateColumn is null or DefaultDateColumn ? dateOf(record) : row.RequireTimestamp(dateColumn)) : null;
                try
                {
                    add(overall, record);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    throw row.Error(columnOf(FieldOf(e.Message)), SurveyReport.LibraryMessage(e));
                }

                // Accepted by the overall accumulator, so it cannot fail in its group.
                if (Key(segment, period) is { } key)
                {
                    groups.Add(key, record, add);
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

        return new Totals<TAccumulator>(overall, groups, skipped.Count);
    }

    public static string? Key(string? segment, string? period) => (segment, period) switch
    {
        (null, null) => null,
        (_, null) => segment,
        (null, _) => period,
        _ => $"{segment} {period}",
    };

    /// <summary>Moves every property of <paramref name="values"/> into <paramref name="document"/> (an ungrouped result at the top level).</summary>
    public static JsonObject Hoist(JsonObject document, JsonObject values)
    {
        foreach ((string name, JsonNode? value) in values.ToList())
        {
            values.Remove(name);
            document[name] = value;
        }

        return document;
    }

    public static JsonArray Array(IEnumerable<JsonObject> rows) => new(rows.Select(r => (JsonNode)r.DeepClone()).ToArray());

    // The library's messages read "...: <Field> is <value>; ..."; the field is the word before " is ".
    private static string FieldOf(string message)
    {
        int colon = message.IndexOf("): ", StringComparison.Ordinal);
        string rest = colon >= 0 ? message[(colon + 3)..] : message;
        int space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? rest[..space] : rest;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Engagement.Metrics.Cli.Output;

/// <summary>Writes an <see cref="OutputDocument"/> as a table, JSON, JSON Lines or CSV. Missing values are <c>null</c> in JSON and empty elsewhere.</summary>
internal static class Renderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(OutputDocument output, OutputFormat format, TextWriter writer)
    {
        switch (format)
        {
            case OutputFormat.Json:
                writer.WriteLine(output.Document.ToJsonString(Indented));
                break;
            case OutputFormat.Jsonl:
                foreach (JsonObject row in output.Rows)
                {
                    writer.WriteLine(row.ToJsonString());
                }

                break;
            case OutputFormat.Csv:
                WriteCsv(output.Rows, writer);
                break;
            default:
                WriteTable(output, writer);
                break;
        }
    }

    private static void WriteCsv(IReadOnlyList<JsonObject> rows, TextWriter writer)
    {
        List<Dictionary<string, string>> flat = rows.Select(Flatten).ToList();
        List<string> columns = Columns(flat);
        writer.WriteLine(string.Join(',', columns.Select(Quote)));
        foreach (Dictionary<string, string> row in flat)
        {
            writer.WriteLine(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c, "")))));
        }
    }

    private static void WriteTable(OutputDocument output, TextWriter writer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        List<Dictionary<string, string>> flat = output.Rows.Select(r => Flatten(r, forDisplay: true)).ToList();
        var table = new Table { Title = new TableTitle(output.Title), Border = TableBorder.Rounded };
        List<string> columns = Columns(flat);
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        foreach (Dictionary<string, string> row in flat)
        {
            table.AddRow(columns.Select(c => Markup.Escape(row.GetValueOrDefault(c, ""))).ToArray());
        }

        console.Write(table);
    }

    internal static List<string> Columns(List<Dictionary<string, string>> rows)
    {
        var columns = new List<string>();
        foreach (string key in rows.SelectMany(r => r.Keys))
        {
            if (!columns.Contains(key))
            {
                columns.Add(key);
            }
        }

        return columns;
    }

    private static Dictionary<string, string> Flatten(JsonObject row) => Flatten(row, forDisplay: false);

    internal static Dictionary<string, string> Flatten(JsonObject row, bool forDisplay)
    {
        var values = new Dictionary<string, string>();
        Add(values, "", row, forDisplay);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string prefix, JsonNode? node, bool forDisplay)
    {
        if (node is JsonObject obj)
        {
            foreach ((string name, JsonNode? child) in obj)
            {
                Add(values, prefix.Length == 0 ? name : $"{prefix}.{name}", child, forDisplay);
            }

            return;
        }

        values[prefix] = node switch
        {
            null => "",
            JsonValue v when v.TryGetValue(out double d) => forDisplay ? d.ToString("0.###", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue(out string? s) => s ?? "",
            _ => node.ToJsonString(),
        };
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}

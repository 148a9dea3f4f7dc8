using System.Text;
using System.Text.Json;

namespace Engagement.Metrics.Cli.Input;

/// <summary>
/// JSON Lines: one object per line; property names may be snake_case or camelCase (both map to the snake_case
/// column names). Blank lines are allowed; a line that is not a JSON object is a data error.
/// </summary>
internal sealed class JsonLinesInput : TabularInput
{
    private readonly TextReader _reader;
    private readonly List<string> _columns = [];
    private readonly string? _firstLine;
    private readonly int _firstLineNumber;

    public JsonLinesInput(string source, TextReader reader)
        : base(source)
    {
        _reader = reader;
        // The columns are the properties of the first object.
        while ((_firstLine = _reader.ReadLine()) is not null)
        {
            _firstLineNumber++;
            if (!string.IsNullOrWhiteSpace(_firstLine))
            {
                _columns.AddRange(Parse(_firstLine, _firstLineNumber).Keys);
                break;
            }
        }
    }

    public override IReadOnlyList<string> Columns => _columns;

    public override IEnumerable<InputRow> ReadRows()
    {
        int number = _firstLineNumber;
        string? line = _firstLine;
        while (line is not null)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Dictionary<string, string?> values = Parse(line, number);
                yield return new InputRow(Source, number, column => values.GetValueOrDefault(column));
            }

            line = _reader.ReadLine();
            number++;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
    }

    private Dictionary<string, string?> Parse(string line, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InputDataException($"{Source}:{number}: not valid JSON ({e.Message.ReplaceLineEndings(" ")})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputDataException($"{Source}:{number}: each line must be a JSON object, found {document.RootElement.ValueKind}");
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                values[ToSnakeCase(property.Name)] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return values;
        }
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

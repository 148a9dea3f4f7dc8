using Sylvan.Data.Csv;

namespace Engagement.Metrics.Cli.Input;

/// <summary>CSV with a header row: RFC 4180 quoting, CRLF or LF, UTF-8 with or without BOM (Sylvan.Data.Csv does the parsing).</summary>
internal sealed class CsvInput : TabularInput
{
    private readonly TextReader _reader;
    private readonly CsvDataReader _csv;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);

    public CsvInput(string source, TextReader reader)
        : base(source)
    {
        _reader = reader;
        _csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        _columns = new string[_csv.FieldCount];
        for (int i = 0; i < _columns.Length; i++)
        {
            _columns[i] = _csv.GetName(i).Trim();
            _indexes.TryAdd(_columns[i], i); // the first of duplicate names wins, as before
        }
    }

    public override IReadOnlyList<string> Columns => _columns;

    public override IEnumerable<InputRow> ReadRows()
    {
        int row = 1;
        while (_csv.Read())
        {
            row++;
            string?[] values = new string?[_columns.Length];
            for (int i = 0; i < values.Length && i < _csv.RowFieldCount; i++)
            {
                values[i] = _csv.GetString(i);
            }

            yield return new InputRow(Source, row, column => Lookup(values, column));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
            _reader.Dispose();
        }
    }

    // Column positions are resolved once per file, not on every field read.
    private string? Lookup(string?[] values, string column) =>
        _indexes.TryGetValue(column, out int index) ? values[index] : null;
}

namespace Engagement.Metrics.Cli.Input;

/// <summary>A table of named columns read from a CSV or JSON Lines file, streamed row by row.</summary>
internal abstract class TabularInput : IDisposable
{
    protected TabularInput(string source) => Source = source;

    /// <summary>The name errors use for this input: the path as given, or <c>stdin</c>.</summary>
    public string Source { get; }

    /// <summary>The column names (snake_case), in file order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    public abstract IEnumerable<InputRow> ReadRows();

    /// <summary>Opens a path (or '-' for CSV on stdin), choosing the format by extension.</summary>
    public static TabularInput Open(string path, TextReader stdin)
    {
        if (path == "-")
        {
            return new CsvInput("stdin", stdin);
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"input file '{path}' does not exist.");
        }

        // detectEncodingFromByteOrderMarks: UTF-8 with or without a BOM reads the same.
        var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string extension = Path.GetExtension(path);
        return extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? new JsonLinesInput(path, reader)
            : new CsvInput(path, reader);
    }

    /// <summary>Fails with the file name, the missing column and the columns that do exist.</summary>
    public void RequireColumn(string column)
    {
        if (!HasColumn(column))
        {
            throw new InputDataException($"{Source}: column '{column}' not found; the columns are: {string.Join(", ", Columns)}.");
        }
    }

    public bool HasColumn(string column) => Columns.Contains(column, StringComparer.OrdinalIgnoreCase);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

using System.Globalization;
using System.Text;

namespace Engagement.Metrics.Presentation;

/// <summary>
/// A small table of results for notebooks, REPLs and logs: columns with headers, rows of cells formatted with the
/// invariant culture, rendered as aligned plain text (<see cref="ToString"/>) or Markdown (<see cref="ToMarkdown"/>).
/// </summary>
/// <remarks>
/// Cells are formatted once, when added: <see langword="null"/> as <c>—</c> (a result without a value, never a fake
/// 0), <see cref="double"/> and <see cref="float"/> to at most <see cref="Decimals"/> decimals, other
/// <see cref="IFormattable"/> values (intervals, dates, counts) with the invariant culture, anything else with
/// <see cref="object.ToString"/>. Numbers are right-aligned in the plain-text form. This is a presentation helper, not a
/// hot-path type: it allocates freely.
/// </remarks>
/// <example>
/// <code>
/// TextTable.From(byChannel.Groups, ("channel", g =&gt; g.Key), ("n", g =&gt; g.Value.Count), ("NPS", g =&gt; g.Value.ToResult().Score))
/// // channel    n    NPS
/// // -------  ---  -----
/// // chat     118   28.8
/// </code>
/// </example>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<Cell[]> _rows = [];

    /// <summary>Creates an empty table with the given column headers.</summary>
    /// <param name="headers">One header per column; at least one.</param>
    /// <exception cref="ArgumentException">No headers were given, or a header is null.</exception>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Length == 0 || Array.IndexOf(headers, null) >= 0)
        {
            throw new ArgumentException("A table needs at least one column, and every header must be a string (empty is allowed).", nameof(headers));
        }

        _headers = (string[])headers.Clone();
    }

    /// <summary>The most decimals a <see cref="double"/> or <see cref="float"/> cell shows; trailing zeros are dropped.</summary>
    /// <value>The default is 4; must lie in 0..15.</value>
    public int Decimals
    {
        get;
        init => field = value is >= 0 and <= 15
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Decimals must lie in 0..15.");
    } = 4;

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>The number of rows added.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Builds a table with one row per item and one column per (header, selector) pair.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">The items, one row each, in order.</param>
    /// <param name="columns">The columns: a header and how to read the cell from an item.</param>
    /// <returns>The table.</returns>
    public static TextTable From<T>(IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var table = new TextTable(Array.ConvertAll(columns, c => c.Header));
        var cells = new object?[columns.Length];
        foreach (T row in rows)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                cells[c] = columns[c].Value(row);
            }

            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>Adds a row; the cells are formatted now (see the remarks on <see cref="TextTable"/>).</summary>
    /// <param name="cells">One value per column.</param>
    /// <returns>This table, for chaining.</returns>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns; the message gives both and the row's position.</exception>
    public TextTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row {_rows.Count} has {cells.Length} cells but the table has {_headers.Length} columns ({string.Join(", ", _headers)})."),
                nameof(cells));
        }

        _rows.Add(Array.ConvertAll(cells, Format));
        return this;
    }

    /// <summary>The table as aligned plain text: a header line, a rule, one line per row; numbers right-aligned.</summary>
    /// <returns>The rendered table, lines separated by <c>\n</c>.</returns>
    public override string ToString()
    {
        int[] widths = Widths();
        bool[] numeric = NumericColumns();
        var text = new StringBuilder();
        AppendLine(text, [.. _headers.Select(h => new Cell(h, false))], widths, numeric);
        AppendLine(text, [.. widths.Select(w => new Cell(new string('-', w), false))], widths, numeric);
        foreach (Cell[] row in _rows)
        {
            AppendLine(text, row, widths, numeric);
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The table as a GitHub-flavoured Markdown table; <c>|</c> in a cell is escaped.</summary>
    /// <returns>The Markdown, lines separated by <c>\n</c>.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        AppendMarkdownRow(text, [.. _headers.Select(h => new Cell(h, false))]);
        text.Append('|');
        foreach (bool numeric in NumericColumns())
        {
            text.Append(numeric ? " ---: |" : " --- |");
        }

        text.Append('\n');
        foreach (Cell[] row in _rows)
        {
            AppendMarkdownRow(text, row);
        }

        return text.ToString().TrimEnd('\n');
    }

    private Cell Format(object? value) => value switch
    {
        null => new Cell("—", false),
        double d => new Cell(FormatReal(d), double.IsFinite(d)),
        float f => new Cell(FormatReal(f), float.IsFinite(f)),
        string s => new Cell(s, false),
        IFormattable formattable => new Cell(formattable.ToString(null, CultureInfo.InvariantCulture), IsNumber(value)),
        _ => new Cell(value.ToString() ?? string.Empty, false),
    };

    private string FormatReal(double value) => value.ToString("0." + new string('#', Decimals), CultureInfo.InvariantCulture);

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or decimal;

    private int[] Widths()
    {
        int[] widths = Array.ConvertAll(_headers, h => h.Length);
        foreach (Cell[] row in _rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Text.Length);
            }
        }

        return widths;
    }

    private bool[] NumericColumns()
    {
        bool[] numeric = new bool[_headers.Length];
        for (int c = 0; c < numeric.Length; c++)
        {
            numeric[c] = _rows.Count > 0 && _rows.TrueForAll(row => row[c].Numeric || row[c].Text == "—");
        }

        return numeric;
    }

    // Numeric columns (every cell a number or "no value") are right-aligned, header included.
    private static void AppendLine(StringBuilder text, Cell[] cells, int[] widths, bool[] rightAligned)
    {
        for (int c = 0; c < cells.Length; c++)
        {
            string cell = rightAligned[c] ? cells[c].Text.PadLeft(widths[c]) : cells[c].Text.PadRight(widths[c]);
            text.Append(c == 0 ? string.Empty : "  ").Append(cell);
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        text.Append('\n');
    }

    private static void AppendMarkdownRow(StringBuilder text, Cell[] cells)
    {
        text.Append('|');
        foreach (Cell cell in cells)
        {
            text.Append(' ').Append(cell.Text.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        }

        text.Append('\n');
    }

    private readonly record struct Cell(string Text, bool Numeric);
}

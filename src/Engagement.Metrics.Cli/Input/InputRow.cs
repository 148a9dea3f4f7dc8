using System.Globalization;

namespace Engagement.Metrics.Cli.Input;

/// <summary>
/// One data row of an input file with typed accessors whose errors name the file, row, column and value.
/// Row numbers count the CSV header as row 1, so row N is what a spreadsheet shows; JSON Lines rows are line numbers.
/// </summary>
internal sealed class InputRow(string source, int number, Func<string, string?> lookup)
{
    public string Source { get; } = source;

    public int Number { get; } = number;

    /// <summary>The raw text of a column; null or empty when missing or blank.</summary>
    public string? this[string column] => lookup(column);

    public string RequireText(string column)
    {
        string? text = this[column];
        return string.IsNullOrWhiteSpace(text) ? throw Error(column, "is empty; a value is required") : text.Trim();
    }

    public int RequireInt(string column)
    {
        string text = RequireText(column);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Error(column, $"'{text}' is not a whole number");
    }

    public long? OptionalLong(string column)
    {
        string? text = this[column];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Error(column, $"'{text}' is not a whole number");
    }

    public long RequireLong(string column) => OptionalLong(column) ?? throw Error(column, "is empty; a value is required");

    public DateTimeOffset? OptionalTimestamp(string column) =>
        string.IsNullOrWhiteSpace(this[column]) ? null : RequireTimestamp(column);

    public double? OptionalDouble(string column)
    {
        string? text = this[column];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Error(column, $"'{text}' is not a number");
    }

    public DateTimeOffset RequireTimestamp(string column)
    {
        string text = RequireText(column);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : throw Error(column, $"'{text}' is not a date or timestamp (use ISO 8601, e.g. 2026-03-05 or 2026-03-05T14:30:00Z)");
    }

    public InputDataException Error(string column, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Source}:{Number}:{column}: {problem}"));
}

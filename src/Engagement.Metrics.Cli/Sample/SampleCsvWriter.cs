using System.Globalization;
using System.Text;

namespace Engagement.Metrics.Cli.Sample;

/// <summary>
/// Writes one CSV file of the sample row by row (streamed; nothing is held in memory). UTF-8 without a BOM and
/// <c>\n</c> line ends on every platform, invariant-culture numbers and ISO 8601 UTC times, so a seed gives the
/// same bytes everywhere.
/// </summary>
internal sealed class SampleCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private bool _firstField = true;

    public SampleCsvWriter(string path, string header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        _writer.Write(header);
        _writer.Write('\n');
        Rows = 0;
    }

    public long Rows { get; private set; }

    public SampleCsvWriter Text(string? value)
    {
        Separator();
        if (value is null)
        {
            return this;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            _writer.Write('"');
        }
        else
        {
            _writer.Write(value);
        }

        return this;
    }

    public SampleCsvWriter Int(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

    public SampleCsvWriter Int(long? value) => Text(value?.ToString(CultureInfo.InvariantCulture));

    public SampleCsvWriter Money(double value) => Text(value.ToString("0.00", CultureInfo.InvariantCulture));

    public SampleCsvWriter Number(double value, string format) => Text(value.ToString(format, CultureInfo.InvariantCulture));

    public SampleCsvWriter Flag(bool value) => Text(value ? "true" : "false");

    public SampleCsvWriter Time(DateTime? value) => Text(value?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public SampleCsvWriter Date(DateTime? value) => Text(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void EndRow()
    {
        _writer.Write('\n');
        _firstField = true;
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (!_firstField)
        {
            _writer.Write(',');
        }

        _firstField = false;
    }
}

using System.Globalization;
using Engagement.Metrics.Cli.Input;
using Engagement.Metrics.Retention;

namespace Engagement.Metrics.Cli.Commands;

/// <summary>
/// Reads customer records (<c>customer_id, start_date, end_date</c>, optional <c>monthly_revenue</c> and a segment
/// column) for the <c>churn</c> commands. A bad row fails the run with file:row:column and the value (exit 3), or is
/// skipped and counted with <c>--skip-invalid</c>.
/// </summary>
internal sealed class ChurnInput
{
    public const string IdColumn = "customer_id";
    public const string StartColumn = "start_date";
    public const string EndColumn = "end_date";
    public const string RevenueColumn = "monthly_revenue";

    private ChurnInput(List<CustomerRecord> customers, List<string?> segments, List<int> rows, string source, int skipped)
    {
        Customers = customers;
        Segments = segments;
        Rows = rows;
        Source = source;
        Skipped = skipped;
    }

    public List<CustomerRecord> Customers { get; }

    /// <summary>The <c>--by</c> value of each customer (null without <c>--by</c>).</summary>
    public List<string?> Segments { get; }

    /// <summary>The file row of each customer, for errors found after reading.</summary>
    public List<int> Rows { get; }

    public string Source { get; }

    public int Skipped { get; }

    /// <summary>The latest start or end date in the file: the default as-of date.</summary>
    public DateOnly? LatestDate
    {
        get
        {
            DateOnly? latest = null;
            foreach (CustomerRecord c in Customers)
            {
                DateOnly last = c.End is DateOnly e && e > c.Start ? e : c.Start;
                latest = latest is DateOnly l && l >= last ? l : last;
            }

            return latest;
        }
    }

    public static ChurnInput Read(CommonSettings common, CliConsole console)
    {
        using TabularInput input = TabularInput.Open(common.Input, console.In);
        input.RequireColumn(IdColumn);
        input.RequireColumn(StartColumn);
        input.RequireColumn(EndColumn);
        if (common.By is { } by)
        {
            input.RequireColumn(by);
        }

        bool hasRevenue = input.HasColumn(RevenueColumn);
        var customers = new List<CustomerRecord>();
        var segments = new List<string?>();
        var rows = new List<int>();
        int skipped = 0;
        string? firstSkip = null;
        foreach (InputRow row in input.ReadRows())
        {
            try
            {
                string id = row.RequireText(IdColumn);
                DateOnly start = Date(row, StartColumn) ?? throw row.Error(StartColumn, "is empty; a start date is required");
                DateOnly? end = Date(row, EndColumn);
                if (end < start)
                {
                    throw row.Error(EndColumn, string.Create(CultureInfo.InvariantCulture, $"'{row[EndColumn]}' is before start_date {start:yyyy-MM-dd} (customer '{id}'); an end must be on or after the start"));
                }

                double? revenue = hasRevenue ? row.OptionalDouble(RevenueColumn) : null;
                if (revenue < 0)
                {
                    throw row.Error(RevenueColumn, string.Create(CultureInfo.InvariantCulture, $"'{row[RevenueColumn]}' is negative; revenue must be >= 0"));
                }

                string? segment = common.By is { } b ? row.RequireText(b) : null;
                customers.Add(new CustomerRecord(id, start, end, revenue));
                segments.Add(segment);
                rows.Add(row.Number);
            }
            catch (InputDataException e) when (common.SkipInvalid)
            {
                skipped++;
                firstSkip ??= e.Message;
            }
        }

        if (skipped > 0)
        {
            console.Error.WriteLine($"warning: skipped {skipped} invalid row(s); first: {firstSkip}");
        }

        return new ChurnInput(customers, segments, rows, input.Source, skipped);
    }

    /// <summary>Fails (exit 3) on the first customer who starts after <paramref name="asOf"/>, naming its row.</summary>
    public void RequireStartsBy(DateOnly asOf)
    {
        for (int i = 0; i < Customers.Count; i++)
        {
            if (Customers[i].Start > asOf)
            {
                throw new InputDataException(string.Create(CultureInfo.InvariantCulture, $"{Source}:{Rows[i]}:{StartColumn}: '{Customers[i].Start:yyyy-MM-dd}' is after the as-of date {asOf:yyyy-MM-dd} (customer '{Customers[i].Id}'); use a later --as-of or drop future customers"));
            }
        }
    }

    /// <summary>The customers grouped by segment, in ordinal key order.</summary>
    public SortedDictionary<string, List<CustomerRecord>> Groups()
    {
        var groups = new SortedDictionary<string, List<CustomerRecord>>(StringComparer.Ordinal);
        for (int i = 0; i < Customers.Count; i++)
        {
            string key = Segments[i] ?? "";
            if (!groups.TryGetValue(key, out List<CustomerRecord>? list))
            {
                groups[key] = list = [];
            }

            list.Add(Customers[i]);
        }

        return groups;
    }

    private static DateOnly? Date(InputRow row, string column)
    {
        string? text = row[column]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return day;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp)
            ? DateOnly.FromDateTime(timestamp.UtcDateTime)
            : throw row.Error(column, $"'{text}' is not a date (use ISO 8601, e.g. 2025-03-05)");
    }
}

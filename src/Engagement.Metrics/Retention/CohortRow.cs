using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>One acquisition cohort (customers who started in one calendar month) of a <see cref="CohortRetentionTable"/>.</summary>
public sealed class CohortRow
{
    private readonly long[] _retained;

    /// <summary>Creates a row (also the JSON constructor).</summary>
    /// <param name="month">The first day of the cohort's start month.</param>
    /// <param name="retained">retained[k] = customers still active k months after their own start; retained[0] is the cohort size less same-day churners.</param>
    /// <param name="size">The number of customers who started in the month.</param>
    [JsonConstructor]
    public CohortRow(DateOnly month, long size, IReadOnlyList<long> retained)
    {
        ArgumentNullException.ThrowIfNull(retained);
        Month = month;
        Size = size;
        _retained = [.. retained];
    }

    /// <summary>The first day of the cohort's start month.</summary>
    public DateOnly Month { get; }

    /// <summary>The number of customers who started in the month.</summary>
    public long Size { get; }

    /// <summary>retained[k] = customers still active k months after their start, for every k already observed for the whole cohort.</summary>
    public IReadOnlyList<long> Retained => _retained;

    /// <summary>The retention rate retained[k] / size k months after the start; <see langword="null"/> when k is not observed yet or the cohort is empty.</summary>
    /// <param name="monthsSinceStart">k ≥ 0.</param>
    /// <returns>The rate in [0, 1], or <see langword="null"/>.</returns>
    public double? Rate(int monthsSinceStart) =>
        monthsSinceStart >= 0 && monthsSinceStart < _retained.Length && Size > 0 ? (double)_retained[monthsSinceStart] / Size : null;
}

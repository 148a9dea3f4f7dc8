using System.Text.Json.Serialization;

namespace Engagement.Metrics.Retention;

/// <summary>
/// A cohort retention table: rows are acquisition months, columns months since start, cells the customers still
/// active (see <see cref="CohortRetention.Build"/>).
/// </summary>
public sealed class CohortRetentionTable
{
    private readonly CohortRow[] _cohorts;

    /// <summary>Creates a table (also the JSON constructor).</summary>
    /// <param name="asOf">The last day of observation.</param>
    /// <param name="cohorts">The cohorts, in month order.</param>
    [JsonConstructor]
    public CohortRetentionTable(DateOnly asOf, IReadOnlyList<CohortRow> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        AsOf = asOf;
        _cohorts = [.. cohorts];
    }

    /// <summary>The last day of observation.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The cohorts, in month order.</summary>
    public IReadOnlyList<CohortRow> Cohorts => _cohorts;

    /// <summary>
    /// The pooled retention k months after the start: Σ retained[k] / Σ size over the cohorts that have reached k;
    /// <see langword="null"/> when none has.
    /// </summary>
    /// <param name="monthsSinceStart">k ≥ 0.</param>
    /// <returns>The rate, or <see langword="null"/>.</returns>
    public double? PooledRate(int monthsSinceStart)
    {
        long retained = 0, size = 0;
        foreach (CohortRow row in _cohorts)
        {
            if (monthsSinceStart >= 0 && monthsSinceStart < row.Retained.Count)
            {
                retained += row.Retained[monthsSinceStart];
                size += row.Size;
            }
        }

        return size > 0 ? (double)retained / size : null;
    }
}

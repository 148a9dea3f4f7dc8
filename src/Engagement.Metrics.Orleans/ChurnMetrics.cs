using Engagement.Metrics.Retention;
using Engagement.Metrics.Serialization;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// The ready-made definition of churn counts for one reporting period over <see cref="CustomerRecord"/> observations,
/// kept in a <see cref="ChurnAccumulator"/>: customers at the start, acquired, lost, and customer-days at risk, from
/// which simple, adjusted and predictive churn follow exactly as <see cref="Churn.Calculate"/> computes them.
/// </summary>
/// <remarks>
/// Churn is a rate over a period, not a sum of daily events, so the period belongs to the definition: register one
/// definition per reporting period (for example <c>churn-2026-11</c>). Send each customer once per period (shard the
/// customer base across producers; a customer sent twice is counted twice, as in a single process). The event's day
/// only picks the grain the record lands in, so use one fixed day (for example the period's first day) and query that
/// day, or its week or month.
/// </remarks>
public static class ChurnMetrics
{
    /// <summary>Churn counts over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="name">The metric name, unique per period, for example <c>churn-2026-11</c>.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The day after the last day of the period.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static MetricDefinition<ChurnAccumulator, CustomerRecord> Churn(string name, DateOnly from, DateOnly to)
    {
        var template = new ChurnAccumulator(from, to);
        return new(
            name,
            EngagementMetricsJsonContext.Default.ChurnAccumulator,
            template.CreateEmpty,
            static (accumulator, customers) => accumulator.AddRange(customers),
            static (into, other) => into.Merge(other));
    }
}

using Engagement.Metrics.Serialization;
using Engagement.Metrics.Service;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// The ready-made definition of the contact-centre KPIs (FCR, AHT, ASA, service level, abandonment, escalation,
/// response and resolution times) over <see cref="ContactRecord"/> observations, kept in a <see cref="ServiceAccumulator"/>.
/// </summary>
/// <remarks>
/// Route each contact to the day it arrived (<see cref="ContactRecord.QueuedAt"/> in your reporting time zone) and a
/// segment such as its channel. The accumulator's state is counts, tick sums and quantile-sketch bins, so merging day
/// aggregates into weeks and months is exact: the cluster's results, medians and p90s included, equal one
/// <see cref="ServiceAccumulator"/> fed every contact. Repeat-contact FCR and containment
/// (<see cref="RepeatContactAccumulator"/>) look across days for the same customer and are not windowed here.
/// </remarks>
public static class ServiceMetrics
{
    /// <summary>The default name of the service metric.</summary>
    public const string ServiceName = "service";

    /// <summary>Contact-centre KPIs kept in a <see cref="ServiceAccumulator"/>.</summary>
    /// <param name="options">Service-level target, short-abandon threshold and the other settings; <see cref="ServiceOptions.Default"/> when null.</param>
    /// <param name="name">The metric name.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition<ServiceAccumulator, ContactRecord> Service(ServiceOptions? options = null, string name = ServiceName)
    {
        ServiceOptions validated = (options ?? ServiceOptions.Default).Validate();
        return new(
            name,
            EngagementMetricsJsonContext.Default.ServiceAccumulator,
            () => new ServiceAccumulator(validated),
            static (accumulator, contacts) => accumulator.AddRange(contacts),
            static (into, from) => into.Merge(from));
    }
}

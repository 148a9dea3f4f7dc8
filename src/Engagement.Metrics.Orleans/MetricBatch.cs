using System.Collections.Immutable;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// A batch of events for one tenant and one metric, identified by <see cref="BatchId"/>: the unit that is applied at
/// most once and acknowledged only after every affected aggregate has durably stored it.
/// </summary>
/// <remarks>
/// This non-generic base exists so one Orleans stream can carry batches of every metric; create batches with
/// <see cref="MetricBatch{TValue}"/>.
/// </remarks>
[GenerateSerializer]
public abstract class MetricBatch
{
    private protected MetricBatch(Guid batchId, string tenant, string metric)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(metric);
        if (batchId == Guid.Empty)
        {
            throw new ArgumentException("batchId must not be Guid.Empty: give every batch a fresh id (Guid.NewGuid()) and reuse it only when retrying that batch.", nameof(batchId));
        }

        BatchId = batchId;
        Tenant = tenant;
        Metric = metric;
    }

    /// <summary>The batch's identity. Retry a failed or unacknowledged batch with the same id; it is never counted twice.</summary>
    [Id(0)]
    public Guid BatchId { get; }

    /// <summary>The tenant (customer, product or workspace) the events belong to.</summary>
    [Id(1)]
    public string Tenant { get; }

    /// <summary>The registered metric name, for example <c>"nps"</c>.</summary>
    [Id(2)]
    public string Metric { get; }

    /// <summary>The number of events in the batch.</summary>
    public abstract int Count { get; }

    /// <summary>Sends the batch to the ingest grain for its value type (used by the stream consumer).</summary>
    /// <param name="grainFactory">The grain factory.</param>
    /// <returns>Completes when the batch is durably applied.</returns>
    internal abstract Task IngestAsync(IGrainFactory grainFactory);
}

/// <summary>A batch of events of one value type for one tenant and one metric.</summary>
/// <typeparam name="TValue">The metric's observation type, for surveys <see cref="SurveyResponse"/>.</typeparam>
[GenerateSerializer]
public sealed class MetricBatch<TValue> : MetricBatch
{
    /// <summary>Creates a batch.</summary>
    /// <param name="batchId">A fresh id per batch (not <see cref="Guid.Empty"/>); reuse it only to retry this batch.</param>
    /// <param name="tenant">The tenant; not empty.</param>
    /// <param name="metric">The registered metric name; not empty.</param>
    /// <param name="events">The events (may be empty).</param>
    /// <exception cref="ArgumentException">The id, tenant or metric is empty.</exception>
    public MetricBatch(Guid batchId, string tenant, string metric, ImmutableArray<MetricEvent<TValue>> events)
        : base(batchId, tenant, metric)
    {
        Events = events.IsDefault ? [] : events;
    }

    /// <summary>The events.</summary>
    [Id(0)]
    public ImmutableArray<MetricEvent<TValue>> Events { get; }

    /// <inheritdoc />
    public override int Count => Events.Length;

    internal override Task IngestAsync(IGrainFactory grainFactory) =>
        grainFactory.GetGrain<IMetricIngestGrain<TValue>>(0).IngestAsync(this);
}

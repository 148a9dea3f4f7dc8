using System.Collections.Immutable;
using Orleans.Streams;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// Client-side helpers on <see cref="IGrainFactory"/> (an <c>IClusterClient</c> or a grain's <c>GrainFactory</c>):
/// ingest batches and read accumulators for any day, ISO week or month.
/// </summary>
public static class EngagementMetricsClientExtensions
{
    /// <summary>
    /// Ingests a batch through the per-silo pre-aggregating worker. The task completes only after every affected
    /// aggregate has durably stored the batch; if it faults or times out, send the same batch (same id) again —
    /// it is applied at most once.
    /// </summary>
    /// <typeparam name="TValue">The observation type.</typeparam>
    /// <param name="grainFactory">The cluster client or grain factory.</param>
    /// <param name="batch">The batch.</param>
    /// <returns>Completes on acknowledgement.</returns>
    /// <exception cref="ArgumentException">The metric is not registered, takes another value type, or a value is invalid (nothing is stored).</exception>
    public static Task IngestAsync<TValue>(this IGrainFactory grainFactory, MetricBatch<TValue> batch)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(batch);
        return grainFactory.GetGrain<IMetricIngestGrain<TValue>>(0).IngestAsync(batch);
    }

    /// <summary>Publishes a batch to the <see cref="EngagementMetricsStreams.Namespace"/> stream with key <paramref name="streamKey"/>.</summary>
    /// <param name="client">The cluster client.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="streamKey">The stream key; spread load over several keys (for example the tenant or a partition number).</param>
    /// <param name="providerName">The stream provider's name.</param>
    /// <returns>Completes when the provider accepted the item (for durable providers, when it is enqueued).</returns>
    public static Task PublishAsync(this IClusterClient client, MetricBatch batch, string streamKey, string providerName = EngagementMetricsStreams.DefaultProviderName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrEmpty(streamKey);
        IAsyncStream<MetricBatch> stream = client.GetStreamProvider(providerName)
            .GetStream<MetricBatch>(StreamId.Create(EngagementMetricsStreams.Namespace, streamKey));
        return stream.OnNextAsync(batch);
    }

    /// <summary>
    /// The accumulator of one tenant, metric and segment over a window: a day is read from its grain, a week or a
    /// month is merged from its day grains — the same answer as one accumulator fed every event of the window.
    /// </summary>
    /// <typeparam name="TAccumulator">The accumulator.</typeparam>
    /// <typeparam name="TValue">The observation type.</typeparam>
    /// <param name="grainFactory">The cluster client or grain factory.</param>
    /// <param name="definition">The metric (the same definition the silos registered).</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="window">The day, ISO week or month.</param>
    /// <returns>A new accumulator; empty when nothing was ingested. Call its <c>ToResult()</c> for the KPI and interval.</returns>
    public static Task<TAccumulator> GetAccumulatorAsync<TAccumulator, TValue>(
        this IGrainFactory grainFactory,
        MetricDefinition<TAccumulator, TValue> definition,
        string tenant,
        string segment,
        MetricWindow window)
        where TAccumulator : class =>
        GetAccumulatorAsync(grainFactory, definition, tenant, [segment], window);

    /// <summary>The accumulator of several segments over a window, merged (for example every channel: the overall result).</summary>
    /// <typeparam name="TAccumulator">The accumulator.</typeparam>
    /// <typeparam name="TValue">The observation type.</typeparam>
    /// <param name="grainFactory">The cluster client or grain factory.</param>
    /// <param name="definition">The metric.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="segments">The segments to merge.</param>
    /// <param name="window">The day, ISO week or month.</param>
    /// <returns>A new accumulator holding every event of those segments in the window.</returns>
    public static async Task<TAccumulator> GetAccumulatorAsync<TAccumulator, TValue>(
        this IGrainFactory grainFactory,
        MetricDefinition<TAccumulator, TValue> definition,
        string tenant,
        IReadOnlyList<string> segments,
        MetricWindow window)
        where TAccumulator : class
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentNullException.ThrowIfNull(segments);
        IReadOnlyList<MetricWindow> days = window.Days();
        var reads = new List<Task<byte[]?>>(segments.Count * days.Count);
        foreach (string segment in segments)
        {
            foreach (MetricWindow day in days)
            {
                string key = new AggregateKey(tenant, definition.Name, segment, day.Start).ToGrainKey();
                reads.Add(grainFactory.GetGrain<IMetricAggregateGrain>(key).GetStateAsync());
            }
        }

        byte[]?[] states = await Task.WhenAll(reads).ConfigureAwait(false);
        TAccumulator total = definition.CreateEmpty();
        foreach (byte[]? state in states)
        {
            if (state is not null)
            {
                definition.Merge(total, definition.Deserialize(state));
            }
        }

        return total;
    }

    /// <summary>Creates a batch with a fresh id.</summary>
    /// <typeparam name="TValue">The observation type.</typeparam>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric name.</param>
    /// <param name="events">The events.</param>
    /// <returns>The batch; keep it to retry it unchanged.</returns>
    public static MetricBatch<TValue> NewBatch<TValue>(string tenant, string metric, ImmutableArray<MetricEvent<TValue>> events) =>
        new(Guid.NewGuid(), tenant, metric, events);
}

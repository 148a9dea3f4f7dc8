namespace Engagement.Metrics.Orleans;

/// <summary>A partial aggregate of one batch for one aggregate grain: the batch id and the accumulator state as JSON.</summary>
[GenerateSerializer]
[Immutable]
internal readonly record struct Contribution([property: Id(0)] Guid BatchId, [property: Id(1)] byte[] State);

/// <summary>What an aggregate grain did with a call's contributions.</summary>
[GenerateSerializer]
[Immutable]
internal readonly record struct ApplyOutcome([property: Id(0)] int Applied, [property: Id(1)] int Duplicates);

/// <summary>
/// The durable aggregate of one (tenant, metric, segment, day), keyed by <see cref="AggregateKey.ToGrainKey"/>.
/// </summary>
internal interface IMetricAggregateGrain : IGrainWithStringKey
{
    /// <summary>Merges the contributions whose batch ids it has not applied yet, writes the state, then returns.</summary>
    Task<ApplyOutcome> ApplyAsync(Contribution[] contributions);

    /// <summary>The accumulator state as JSON, or null when nothing was applied.</summary>
    Task<byte[]?> GetStateAsync();

    /// <summary>The number of batch ids remembered for deduplication.</summary>
    Task<int> GetRememberedBatchCountAsync();
}

/// <summary>The per-silo pre-aggregating ingest worker for one observation type.</summary>
/// <typeparam name="TValue">The observation type.</typeparam>
internal interface IMetricIngestGrain<TValue> : IGrainWithIntegerKey
{
    /// <summary>Applies the batch at most once; completes after every affected aggregate has stored it.</summary>
    Task IngestAsync(MetricBatch<TValue> batch);
}

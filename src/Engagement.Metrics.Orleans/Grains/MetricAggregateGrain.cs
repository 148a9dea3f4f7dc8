using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Engagement.Metrics.Orleans;

/// <summary>One remembered batch id and when it was applied (for the retention window).</summary>
[GenerateSerializer]
internal readonly record struct AppliedBatch([property: Id(0)] Guid BatchId, [property: Id(1)] DateTimeOffset AppliedAt);

/// <summary>
/// The persisted state of an aggregate grain. The accumulator is stored as UTF-8 JSON written by the library's
/// source-generated <c>EngagementMetricsJsonContext</c>, whatever serializer the storage provider itself uses.
/// </summary>
[GenerateSerializer]
internal sealed class AggregateState
{
    /// <summary>The accumulator as JSON; null until the first batch.</summary>
    [Id(0)]
    public byte[]? Accumulator { get; set; }

    /// <summary>Applied batch ids, oldest first.</summary>
    [Id(1)]
    public List<AppliedBatch> Applied { get; set; } = [];
}

/// <summary>The durable aggregate of one (tenant, metric, segment, day).</summary>
internal sealed class MetricAggregateGrain : Grain, IMetricAggregateGrain
{
    private readonly IPersistentState<AggregateState> _state;
    private readonly EngagementMetricsOrleansOptions _options;
    private readonly TimeProvider _time;
    private readonly HashSet<Guid> _applied = [];
    private MetricDefinition? _definition;

    public MetricAggregateGrain(
        [PersistentState("aggregate", EngagementMetricsSiloBuilderExtensions.StorageName)] IPersistentState<AggregateState> state,
        IOptions<EngagementMetricsOrleansOptions> options,
        TimeProvider time)
    {
        _state = state;
        _options = options.Value;
        _time = time;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _definition = _options.Get(AggregateKey.Parse(this.GetPrimaryKeyString()).Metric);
        foreach (AppliedBatch batch in _state.State.Applied)
        {
            _applied.Add(batch.BatchId);
        }

        return Task.CompletedTask;
    }

    public async Task<ApplyOutcome> ApplyAsync(Contribution[] contributions)
    {
        MetricDefinition definition = _definition!;
        object? next = null;
        var accepted = new List<Guid>(contributions.Length);
        int duplicates = 0;

        // Validate and merge into a copy first: a contribution that fails to deserialize or merge (different
        // options) rejects the call and leaves the stored state exactly as it was.
        foreach (Contribution contribution in contributions)
        {
            if (_applied.Contains(contribution.BatchId) || accepted.Contains(contribution.BatchId))
            {
                duplicates++;
                continue;
            }

            next ??= _state.State.Accumulator is { } stored ? definition.DeserializeState(stored) : definition.CreateEmptyState();
            definition.MergeState(next, definition.DeserializeState(contribution.State));
            accepted.Add(contribution.BatchId);
        }

        if (accepted.Count == 0)
        {
            return new ApplyOutcome(0, duplicates);
        }

        byte[]? previousAccumulator = _state.State.Accumulator;
        List<AppliedBatch> previousApplied = _state.State.Applied;
        DateTimeOffset now = _time.GetUtcNow();
        var applied = new List<AppliedBatch>(previousApplied.Count + accepted.Count);
        DateTimeOffset horizon = now - _options.AppliedBatchRetention;
        int skip = Math.Max(0, previousApplied.Count + accepted.Count - _options.MaxAppliedBatchIds);
        for (int i = 0; i < previousApplied.Count; i++)
        {
            AppliedBatch old = previousApplied[i];
            if (i >= skip && old.AppliedAt >= horizon)
            {
                applied.Add(old);
            }
        }

        foreach (Guid id in accepted)
        {
            applied.Add(new AppliedBatch(id, now));
        }

        _state.State.Accumulator = definition.SerializeState(next!);
        _state.State.Applied = applied;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not applied: restore the in-memory state and let the caller retry the batch. After an
            // ETag conflict (another activation wrote meanwhile) this copy is stale, so the next call must re-read it.
            _state.State.Accumulator = previousAccumulator;
            _state.State.Applied = previousApplied;
            DeactivateOnIdle();
            throw;
        }

        _applied.Clear();
        foreach (AppliedBatch batch in applied)
        {
            _applied.Add(batch.BatchId);
        }

        return new ApplyOutcome(accepted.Count, duplicates);
    }

    [ReadOnly]
    public Task<byte[]?> GetStateAsync() => Task.FromResult(_state.State.Accumulator);

    [ReadOnly]
    public Task<int> GetRememberedBatchCountAsync() => Task.FromResult(_state.State.Applied.Count);
}

using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Engagement.Metrics.Orleans;

/// <summary>
/// The per-silo pre-aggregator: folds each batch into one partial accumulator per (segment, day), buffers partials
/// for <see cref="EngagementMetricsOrleansOptions.FlushInterval"/>, then sends each aggregate grain all its
/// buffered partials in one call (one storage write). A caller's task completes only after the flush that carries
/// its batch has been stored, so an acknowledged batch is never lost and an unacknowledged one is safe to retry.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class MetricIngestGrain<TValue> : Grain, IMetricIngestGrain<TValue>
{
    private readonly EngagementMetricsOrleansOptions _options;
    private readonly TimeProvider _time;
    private Dictionary<string, List<Contribution>> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _bufferedEvents;
    private bool _flushScheduled;

    public MetricIngestGrain(IOptions<EngagementMetricsOrleansOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    public async Task IngestAsync(MetricBatch<TValue> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Events.IsEmpty)
        {
            return;
        }

        Dictionary<string, Contribution> partials = Preaggregate(batch);
        if (_options.FlushInterval == TimeSpan.Zero)
        {
            await SendAsync(partials.ToDictionary(p => p.Key, p => new List<Contribution> { p.Value }, StringComparer.Ordinal));
            return;
        }

        foreach (KeyValuePair<string, Contribution> partial in partials)
        {
            ref List<Contribution>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(_pending, partial.Key, out _);
            (list ??= []).Add(partial.Value);
        }

        Task flushed = _flushed.Task;
        _bufferedEvents += batch.Count;
        if (_bufferedEvents >= _options.MaxBufferedEvents)
        {
            _ = FlushAsync();
        }
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            _ = FlushLaterAsync();
        }

        await flushed;
    }

    private Dictionary<string, Contribution> Preaggregate(MetricBatch<TValue> batch)
    {
        if (_options.Get(batch.Metric) is not MetricDefinition<TValue> definition)
        {
            throw new ArgumentException(
                $"Batch {batch.BatchId}: metric '{batch.Metric}' does not take {typeof(TValue).Name} observations; send a MetricBatch of the metric's value type.",
                nameof(batch));
        }

        var groups = new Dictionary<(string Segment, DateOnly Day), List<TValue>>();
        foreach (MetricEvent<TValue> e in batch.Events)
        {
            if (e.Segment is null)
            {
                throw new ArgumentException($"Batch {batch.BatchId}: an event has no segment; use a fixed segment such as \"all\".", nameof(batch));
            }

            ref List<TValue>? values = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, (e.Segment, e.Date), out _);
            (values ??= []).Add(e.Value);
        }

        // Every group is folded before anything is buffered, so a bad value rejects the whole batch.
        var partials = new Dictionary<string, Contribution>(groups.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<(string Segment, DateOnly Day), List<TValue>> group in groups)
        {
            object partial;
            try
            {
                partial = definition.Aggregate(CollectionsMarshal.AsSpan(group.Value));
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Batch {batch.BatchId} (tenant '{batch.Tenant}', metric '{batch.Metric}', segment '{group.Key.Segment}', day {group.Key.Day:yyyy-MM-dd}) was rejected whole: {ex.Message}"),
                    nameof(batch),
                    ex);
            }

            string key = new AggregateKey(batch.Tenant, batch.Metric, group.Key.Segment, group.Key.Day).ToGrainKey();
            partials.Add(key, new Contribution(batch.BatchId, definition.SerializeState(partial)));
        }

        return partials;
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(_options.FlushInterval, _time);
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        Dictionary<string, List<Contribution>> pending = _pending;
        TaskCompletionSource flushed = _flushed;
        _pending = new(StringComparer.Ordinal);
        _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _bufferedEvents = 0;
        _flushScheduled = false;
        try
        {
            await SendAsync(pending);
            flushed.SetResult();
        }
        catch (Exception ex)
        {
            // Some aggregates may have stored their part: retrying the batch is safe because they remember its id.
            flushed.SetException(ex);
        }
    }

    private Task SendAsync(Dictionary<string, List<Contribution>> pending)
    {
        var calls = new Task[pending.Count];
        int i = 0;
        foreach (KeyValuePair<string, List<Contribution>> target in pending)
        {
            calls[i++] = GrainFactory.GetGrain<IMetricAggregateGrain>(target.Key).ApplyAsync([.. target.Value]);
        }

        return Task.WhenAll(calls);
    }
}

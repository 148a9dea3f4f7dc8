using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Engagement.Metrics.Orleans;

/// <summary>Marker interface of the stream consumer grain.</summary>
internal interface IMetricStreamConsumerGrain : IGrainWithStringKey
{
}

/// <summary>
/// Consumes <see cref="MetricBatch"/> items published to the <see cref="EngagementMetricsStreams.Namespace"/> stream
/// namespace (implicit subscription, one activation per stream key) and ingests each one. <c>OnNextAsync</c>
/// completes only after the batch is stored, so a provider that redelivers unacknowledged items never loses one,
/// and the batch id makes a redelivered item count once. A batch rejected for bad data (an
/// <see cref="ArgumentException"/>) would fail the same way on every redelivery, so it is logged and dropped
/// instead of blocking the stream; every other failure is rethrown for the provider to redeliver.
/// </summary>
[ImplicitStreamSubscription(EngagementMetricsStreams.Namespace)]
internal sealed class MetricStreamConsumerGrain : Grain, IMetricStreamConsumerGrain, IAsyncObserver<MetricBatch>
{
    private readonly EngagementMetricsStreamOptions _streamOptions;
    private readonly ILogger<MetricStreamConsumerGrain> _logger;

    public MetricStreamConsumerGrain(IOptions<EngagementMetricsStreamOptions> streamOptions, ILogger<MetricStreamConsumerGrain> logger)
    {
        _streamOptions = streamOptions.Value;
        _logger = logger;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IStreamProvider provider = this.GetStreamProvider(_streamOptions.ProviderName);
        IAsyncStream<MetricBatch> stream = provider.GetStream<MetricBatch>(StreamId.Create(EngagementMetricsStreams.Namespace, this.GetPrimaryKeyString()));
        // Implicit subscription: subscribing attaches this activation as the observer of its stream.
        await stream.SubscribeAsync(this);
    }

    public async Task OnNextAsync(MetricBatch item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await item.IngestAsync(GrainFactory);
        }
        catch (ArgumentException ex)
        {
            Log.RejectedBatch(_logger, ex, item.BatchId, item.Tenant, item.Metric);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Dropped stream batch {BatchId} (tenant '{Tenant}', metric '{Metric}'): its data was rejected")]
    public static partial void RejectedBatch(ILogger logger, Exception exception, Guid batchId, string tenant, string metric);
}

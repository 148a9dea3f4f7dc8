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
/// and the batch id makes a redelivered item count once.
/// </summary>
[ImplicitStreamSubscription(EngagementMetricsStreams.Namespace)]
internal sealed class MetricStreamConsumerGrain : Grain, IMetricStreamConsumerGrain, IAsyncObserver<MetricBatch>
{
    private readonly EngagementMetricsStreamOptions _streamOptions;

    public MetricStreamConsumerGrain(IOptions<EngagementMetricsStreamOptions> streamOptions)
    {
        _streamOptions = streamOptions.Value;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IStreamProvider provider = this.GetStreamProvider(_streamOptions.ProviderName);
        IAsyncStream<MetricBatch> stream = provider.GetStream<MetricBatch>(StreamId.Create(EngagementMetricsStreams.Namespace, this.GetPrimaryKeyString()));
        // Implicit subscription: subscribing attaches this activation as the observer of its stream.
        await stream.SubscribeAsync(this);
    }

    public Task OnNextAsync(MetricBatch item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IngestAsync(GrainFactory);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

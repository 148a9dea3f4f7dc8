using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Metrics.Orleans;

/// <summary>Silo registration: <c>siloBuilder.AddEngagementMetrics(o =&gt; o.AddSurveyMetrics())</c>.</summary>
public static class EngagementMetricsSiloBuilderExtensions
{
    /// <summary>
    /// The grain storage provider name the aggregate grains persist to. Register a provider under this name
    /// (<c>AddMemoryGrainStorage</c> in tests, <c>AddAdoNetGrainStorage</c> or <c>AddRedisGrainStorage</c> in production).
    /// </summary>
    public const string StorageName = "EngagementMetrics";

    /// <summary>Adds the aggregate, ingest and stream-consumer grains and the registered metrics to a silo.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Registers metrics and tunes buffering and deduplication.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <remarks>
    /// Also register grain storage named <see cref="StorageName"/>. To ingest through streams, register a stream
    /// provider named <see cref="EngagementMetricsStreams.DefaultProviderName"/> (or set it with
    /// <see cref="EngagementMetricsStreamOptions"/>) on the silo and the client.
    /// </remarks>
    public static ISiloBuilder AddEngagementMetrics(this ISiloBuilder builder, Action<EngagementMetricsOrleansOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<EngagementMetricsOrleansOptions>().Configure(options =>
        {
            configure(options);
            options.Validate();
        });
        builder.Services.AddOptions<EngagementMetricsStreamOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Chooses the stream provider the silo-side consumer reads from.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="providerName">The stream provider's name.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder UseEngagementMetricsStreamProvider(this ISiloBuilder builder, string providerName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(providerName);
        builder.Services.Configure<EngagementMetricsStreamOptions>(o => o.ProviderName = providerName);
        return builder;
    }
}

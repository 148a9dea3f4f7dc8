namespace Engagement.Metrics.Orleans;

/// <summary>Names used to ingest through Orleans streams.</summary>
public static class EngagementMetricsStreams
{
    /// <summary>The stream namespace the ingest consumer subscribes to implicitly; any stream key works (one consumer activation per key).</summary>
    public const string Namespace = "engagement-metrics";

    /// <summary>The default stream provider name.</summary>
    public const string DefaultProviderName = "EngagementMetricsStreams";
}

/// <summary>Which stream provider the silo-side consumer reads from.</summary>
public sealed class EngagementMetricsStreamOptions
{
    /// <summary>The name of the stream provider registered on the silo (and client). Default <see cref="EngagementMetricsStreams.DefaultProviderName"/>.</summary>
    public string ProviderName { get; set; } = EngagementMetricsStreams.DefaultProviderName;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Engagement.Metrics.Orleans.Tests;

/// <summary>Silos with the default deduplication bound.</summary>
internal class SiloConfigurator : ISiloConfigurator
{
    /// <summary>How many batch ids each aggregate remembers.</summary>
    protected virtual int MaxAppliedBatchIds => new EngagementMetricsOrleansOptions().MaxAppliedBatchIds;

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddGrainStorage(
            EngagementMetricsSiloBuilderExtensions.StorageName,
            (services, _) => new SharedGrainStorage(services.GetRequiredService<Serializer>()));
        siloBuilder
            .AddMemoryGrainStorage("PubSubStore")
            .AddMemoryStreams(EngagementMetricsStreams.DefaultProviderName)
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10))
            .AddEngagementMetrics(o =>
            {
                o.AddSurveyMetrics()
                 .AddServiceMetrics()
                 .AddConversationMetrics()
                 .AddChurnMetric(ContactEvents.NovemberChurn, ContactEvents.November, ContactEvents.November.AddMonths(1));
                o.FlushInterval = TimeSpan.FromMilliseconds(5);
                o.MaxAppliedBatchIds = MaxAppliedBatchIds;
            });
    }
}

/// <summary>Silos whose aggregates remember only <see cref="ClusterFixture.MaxAppliedBatchIds"/> batch ids, so the bound can be observed.</summary>
internal sealed class SmallDedupeSiloConfigurator : SiloConfigurator
{
    protected override int MaxAppliedBatchIds => ClusterFixture.MaxAppliedBatchIds;
}

internal sealed class ClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder
            .AddMemoryStreams(EngagementMetricsStreams.DefaultProviderName)
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
}

/// <summary>Builds in-process clusters with the shared test storage.</summary>
internal static class Clusters
{
    public static async Task<TestCluster> StartAsync<TSiloConfigurator>(int silos)
        where TSiloConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<TSiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

/// <summary>One three-silo cluster shared by the tests of a collection (each test uses its own tenant).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    internal const int MaxAppliedBatchIds = 64;

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await Clusters.StartAsync<SmallDedupeSiloConfigurator>(3);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "orleans cluster";
}

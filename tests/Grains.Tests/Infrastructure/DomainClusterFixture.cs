using Orleans.TestingHost;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// One cluster for a whole test collection, the pattern of Orleans' own DefaultClusterFixture: starting a cluster per
/// test costs more than most tests. Tests sharing it use their own lot, gate, card and user ids.
/// </summary>
public sealed class DomainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The cluster's grain storage, for tests that make a write fail.</summary>
    public SharedGrainStorage Storage { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await DomainCluster.StartAsync(storage: Storage);

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

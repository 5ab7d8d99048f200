using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.Hosting;

namespace ParkingGrains.Grains.Tests.Infrastructure;

/// <summary>
/// A cluster with the production time bounds (2 min skew, 7 days replay, 365 days reservations) on the real clock, and
/// an event log the tests can write to as an old version would have. Its tests restart its silos, which only they may.
/// </summary>
public sealed class BoundsClusterFixture : IAsyncLifetime
{
    public MemoryEventLogStorage Log { get; } = new();

    /// <summary>The cluster's grain storage (lot snapshots live here).</summary>
    public SharedGrainStorage Storage { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await DomainCluster.StartAsync(storage: Storage, configure: silo =>
    {
        silo.Services.AddSingleton(new LotOptions { ReservationCheckPeriod = TimeSpan.FromMilliseconds(300) });
        silo.AddEventLog("Default", _ => Log);
    });

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

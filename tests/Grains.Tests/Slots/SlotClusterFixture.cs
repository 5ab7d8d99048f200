using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ParkingGrains.Grains.Slots;
using ParkingGrains.Grains.Tests.Infrastructure;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.Hosting;

namespace ParkingGrains.Grains.Tests.Slots;

/// <summary>
/// The slot tests' own cluster: silos on a clock the tests move, a fast offline check, and an event log the tests
/// read. Its tests also restart every silo, which only they may do.
/// </summary>
public sealed class SlotClusterFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new(DomainCluster.T0);

    public MemoryEventLogStorage Log { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await DomainCluster.StartAsync(configure: builder =>
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton(new SlotSensorOptions { OfflineCheckPeriod = TimeSpan.FromMilliseconds(100) });
        builder.AddEventLog("Default", _ => Log);
    });

    /// <summary>Each test starts at <see cref="DomainCluster.T0"/> whatever the one before moved the clock to.</summary>
    public void ResetClock() => Clock.Advance(DomainCluster.T0 - Clock.GetUtcNow());

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

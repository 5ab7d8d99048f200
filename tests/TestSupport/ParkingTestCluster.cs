using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using ParkingGrains.Grains.Interfaces.Calls;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Journaling;

namespace ParkingGrains.TestSupport;

/// <summary>
/// An Orleans in-process cluster with the parking grains: memory grain storage, one event log and reminders shared by
/// every silo (so a grain that moves finds its state), short reminder and probe periods for tests.
/// </summary>
public static class ParkingTestCluster
{
    public static InProcessTestCluster Build(int silos = 1, Action<ISiloBuilder>? configure = null, LotOptions? lotOptions = null)
    {
        var eventLog = new MemoryEventLogStorage();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("Default");
            silo.AddEventLog("Default", _ => eventLog);

            // Lots snapshot every 1,000 events here (10,000 in production), so a test reaches a snapshot in seconds.
            silo.Services.Configure<JournalOptions>(o => o.SnapshotEvery["lot"] = 1_000);
            silo.UseInMemoryReminderService();
            silo.AddOutgoingGrainCallFilter<IdempotentRetryFilter>();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
            // Test scenarios are written at fixed dates (months back), so event times are accepted from years back here;
            // tests of the time bounds pass the production defaults in lotOptions.
            silo.Services.AddSingleton(lotOptions ?? new LotOptions { ReservationCheckPeriod = TimeSpan.FromMilliseconds(300), ReplayHorizon = TimeSpan.FromDays(3650) });
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.AddOutgoingGrainCallFilter<IdempotentRetryFilter>());
        return builder.Build();
    }

    public static async Task<InProcessTestCluster> StartAsync(int silos = 1, Action<ISiloBuilder>? configure = null, LotOptions? lotOptions = null)
    {
        var cluster = Build(silos, configure, lotOptions);
        await cluster.DeployAsync();
        return cluster;
    }
}

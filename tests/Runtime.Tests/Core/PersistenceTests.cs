using ParkingGrains.Runtime.Testing;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.TestGrains;

namespace ParkingGrains.Runtime.Tests.Core;

public sealed class PersistenceTests
{
    [Fact]
    public async Task SqliteState_SurvivesRestartingTheWholeCluster()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pg-{Guid.NewGuid():N}.db");
        var serviceId = TestServers.UniqueId("svc");
        try
        {
            await using (var first = await Clusters.StartAsync(silos: 1, b => b.Configure(o => o.ServiceId = serviceId).AddSqliteGrainStorage("Default", $"Data Source={file}")))
            {
                var grain = first.GrainFactory.GetGrain<IStatefulGrain>("lot-1");
                await grain.Append("entry-A");
                await grain.Append("entry-B");
            }

            await using var second = await Clusters.StartAsync(silos: 1, b => b.Configure(o => o.ServiceId = serviceId).AddSqliteGrainStorage("Default", $"Data Source={file}"));
            Assert.Equal(["entry-A", "entry-B"], await second.GrainFactory.GetGrain<IStatefulGrain>("lot-1").GetValues());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task PostgreSqlState_SurvivesACrashOfTheHostingSilo_AndTheNextCallSucceedsElsewhere()
    {
        var serviceId = TestServers.UniqueId("svc");
        await using var cluster = await Clusters.StartAsync(silos: 3, b => b.Configure(o => o.ServiceId = serviceId).AddPostgreSqlGrainStorage("Default", TestServers.PostgreSql));
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("session-42");
        for (var i = 0; i < 5; i++)
        {
            await grain.Append($"event-{i}");
        }

        var host = await grain.GetSilo();
        await cluster.KillSiloAsync(cluster.SiloAt(SiloAddress.Parse(host)));

        // The client's next call waits out failure detection transparently (the call is safe to retry).
        Assert.Equal(6, await grain.Append("event-5"));
        Assert.NotEqual(host, await grain.GetSilo());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"event-{i}"), await grain.GetValues());
    }

    [Fact]
    public async Task AFailedWrite_DeactivatesTheGrain_SoTheNextCallSeesWhatStorageHolds_NotTheUnwrittenChange()
    {
        var storage = new FailingGrainStorage();
        await using var cluster = await Clusters.StartAsync(silos: 1, b => b.AddGrainStorage("Default", _ => storage));
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>("outage-1");
        await grain.Append("stored");

        storage.FailNextWrite();
        await Assert.ThrowsAsync<TimeoutException>(() => grain.Append("never stored"));

        Assert.Equal(["stored"], await grain.GetValues());
        await grain.Append("stored after");
        Assert.Equal(["stored", "stored after"], await grain.GetValues());
    }

    [Fact]
    public async Task AStaleDuplicateActivation_CannotOverwriteNewerState()
    {
        // Two clusters over one service's storage model a duplicate activation during a membership change.
        var serviceId = TestServers.UniqueId("svc");
        await using var first = await Clusters.StartAsync(silos: 1, b => b.Configure(o => o.ServiceId = serviceId).AddPostgreSqlGrainStorage("Default", TestServers.PostgreSql));
        await using var second = await Clusters.StartAsync(silos: 1, b => b.Configure(o => o.ServiceId = serviceId).AddPostgreSqlGrainStorage("Default", TestServers.PostgreSql));
        var stale = first.GrainFactory.GetGrain<IStatefulGrain>("slot-9");
        var current = second.GrainFactory.GetGrain<IStatefulGrain>("slot-9");

        await stale.Append("held-by-A");
        await current.Append("held-by-B");

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.Append("double-booking"));
        Assert.Equal(["held-by-A", "held-by-B"], await current.GetValues());
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Runtime.EventLog;
using ParkingGrains.Runtime.EventLog.PostgreSql;
using ParkingGrains.Runtime.EventLog.Sqlite;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.Runtime.Tests.Storage;

namespace ParkingGrains.Runtime.Tests.EventLog;

/// <summary>Storage:Provider also selects the default event log, keyed by the cluster's service id.</summary>
public sealed class EventLogConfigurationTests
{
    [Fact]
    public async Task Memory_provider_registers_the_memory_event_log()
    {
        await using var services = Build(new() { ["Storage:Provider"] = "Memory" });

        Assert.IsType<MemoryEventLogStorage>(services.GetRequiredKeyedService<IEventLogStorage>(GrainStorageNames.Default));
    }

    [Fact]
    public async Task Sqlite_provider_registers_a_sqlite_event_log_on_the_same_file()
    {
        using var file = new TempSqliteFile();
        var serviceId = TestServers.UniqueId("cfg");
        await using (var services = Build(new() { ["Storage:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = file.ConnectionString, ["Cluster:ServiceId"] = serviceId }))
        {
            var log = Assert.IsType<SqliteEventLogStorage>(services.GetRequiredKeyedService<IEventLogStorage>(GrainStorageNames.Default));
            await log.AppendAsync(new GrainId("lot", "l1"), "log", 0, [new EventToAppend("E", DateTimeOffset.UtcNow, "{}")]);
        }

        await using var direct = new SqliteEventLogStorage(new SqliteEventLogOptions { ConnectionString = file.ConnectionString, ServiceId = serviceId });
        Assert.Single(await direct.ReadAsync(new GrainId("lot", "l1"), "log", 0));
    }

    [Fact]
    public async Task PostgreSql_provider_registers_a_postgresql_event_log_for_the_service()
    {
        var serviceId = TestServers.UniqueId("cfg");
        await using (var services = Build(new() { ["Storage:Provider"] = "PostgreSql", ["ConnectionStrings:PostgreSql"] = TestServers.PostgreSql, ["Cluster:ServiceId"] = serviceId }))
        {
            var log = Assert.IsType<PostgreSqlEventLogStorage>(services.GetRequiredKeyedService<IEventLogStorage>(GrainStorageNames.Default));
            await log.AppendAsync(new GrainId("lot", "l1"), "log", 0, [new EventToAppend("E", DateTimeOffset.UtcNow, "{}")]);
        }

        await using var direct = new PostgreSqlEventLogStorage(new PostgreSqlEventLogOptions { ConnectionString = TestServers.PostgreSql, ServiceId = serviceId });
        Assert.Single(await direct.ReadAsync(new GrainId("lot", "l1"), "log", 0));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = new SiloBuilder(new ServiceCollection(), new SiloOptions());
        builder.UseConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return builder.Services.BuildServiceProvider();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.EventLog.PostgreSql;
using ParkingGrains.Storage.EventLog.Sqlite;
using ParkingGrains.Storage.Journaling;
using Orleans.Configuration;
using Orleans.Providers;

namespace ParkingGrains.Storage.Hosting;

/// <summary>
/// Registers the <see cref="JournaledStateAttribute"/> facet and named event logs. A journaled grain uses the event log
/// and the grain storage (for snapshots) of the same name, "Default" unless its attribute names another.
/// </summary>
public static class JournalingSiloBuilderExtensions
{
    public static ISiloBuilder AddJournaledState(this ISiloBuilder builder)
    {
        builder.Services.AddSingleton<IAttributeToFactoryMapper<JournaledStateAttribute>, JournaledStateAttributeMapper>();
        return builder;
    }

    public static ISiloBuilder AddEventLog(this ISiloBuilder builder, string name, Func<IServiceProvider, IEventLogStorage> create)
    {
        AddJournaledState(builder);
        builder.Services.AddKeyedSingleton(name, (services, _) => create(services));
        return builder;
    }

    public static ISiloBuilder AddMemoryEventLog(this ISiloBuilder builder, string name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME) =>
        builder.AddEventLog(name, _ => new MemoryEventLogStorage());

    public static ISiloBuilder AddSqliteEventLog(this ISiloBuilder builder, string name, string connectionString) =>
        builder.AddEventLog(name, services => new SqliteEventLogStorage(new SqliteEventLogOptions { ConnectionString = connectionString, ServiceId = ServiceIdOf(services) }));

    public static ISiloBuilder AddPostgreSqlEventLog(this ISiloBuilder builder, string name, string connectionString) =>
        builder.AddEventLog(name, services => new PostgreSqlEventLogStorage(new PostgreSqlEventLogOptions { ConnectionString = connectionString, ServiceId = ServiceIdOf(services) }));

    // Rows are keyed by the cluster's ServiceId, as the Orleans providers key theirs.
    internal static string ServiceIdOf(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}

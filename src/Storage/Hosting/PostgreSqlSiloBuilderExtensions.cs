using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using ParkingGrains.Storage.PostgreSql;
// Orleans.Storage (a global using) has a Newtonsoft-based serializer of the same name.
using JsonGrainStorageSerializer = ParkingGrains.Storage.GrainState.JsonGrainStorageSerializer;

namespace ParkingGrains.Storage.Hosting;

/// <summary>
/// The Orleans AdoNet providers on PostgreSQL, each with the schema migration that creates what it reads
/// (<see cref="OrleansAdoNetSchema"/>), run once per database early in the silo's start.
/// </summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>Membership in <c>OrleansMembershipTable</c>, keyed by <see cref="ClusterOptions.ClusterId"/>.</summary>
    public static ISiloBuilder UsePostgreSqlClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        AddSchemaMigration(builder, connectionString);
        return builder.UseAdoNetClustering((AdoNetClusteringSiloOptions options) =>
        {
            options.Invariant = OrleansAdoNetSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Named grain storage in <c>OrleansStorage</c>, keyed by <see cref="ClusterOptions.ServiceId"/>. State is stored as
    /// System.Text.Json (<see cref="JsonGrainStorageSerializer"/>) rather than Orleans' default Newtonsoft settings,
    /// which embed .NET type names ("$type") and so break stored rows when a state class is renamed or moved.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        AddSchemaMigration(builder, connectionString);
        return builder.AddAdoNetGrainStorage(name, (AdoNetGrainStorageOptions options) =>
        {
            options.Invariant = OrleansAdoNetSchema.Invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = JsonGrainStorageSerializer.Default;
        });
    }

    /// <summary>Reminders in <c>OrleansRemindersTable</c>, keyed by <see cref="ClusterOptions.ServiceId"/>.</summary>
    public static ISiloBuilder UsePostgreSqlReminders(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        AddSchemaMigration(builder, connectionString);
        return builder.UseAdoNetReminderService((AdoNetReminderTableOptions options) =>
        {
            options.Invariant = OrleansAdoNetSchema.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    private static void AddSchemaMigration(ISiloBuilder builder, string connectionString)
    {
        // One participant however many providers are added; it migrates each database once.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, OrleansAdoNetSchemaMigration>());
        builder.Services.Configure<OrleansAdoNetSchemaMigrationOptions>(options => options.ConnectionStrings.Add(connectionString));
    }
}

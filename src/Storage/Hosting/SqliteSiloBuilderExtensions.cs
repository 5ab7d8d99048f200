using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.Storage.Reminders.Sqlite;

namespace ParkingGrains.Storage.Hosting;

/// <summary>
/// Registers the embedded SQLite providers with an Orleans silo. Rows are keyed by the cluster's ServiceId; the
/// file's folder is created on first open. The grain storage and the reminders may share one file.
/// </summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>
    /// A named grain storage, registered like Orleans' own providers (a keyed <see cref="IGrainStorage"/>, and the
    /// unkeyed default too when <paramref name="name"/> is "Default"), so <c>[PersistentState("x", name)]</c> finds it.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        builder.Services.AddGrainStorage(name, (services, _) => new SqliteGrainStorage(
            new SqliteStorageOptions { ConnectionString = connectionString, ServiceId = JournalingSiloBuilderExtensions.ServiceIdOf(services) }));
        return builder;
    }

    /// <summary>Durable reminders in a SQLite file: Orleans' reminder service over <see cref="SqliteReminderTable"/>.</summary>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        builder.AddReminders();
        builder.Services.AddSingleton(services => new SqliteReminderTable(
            new SqliteReminderTableOptions { ConnectionString = connectionString, ServiceId = JournalingSiloBuilderExtensions.ServiceIdOf(services) },
            services.GetService<Microsoft.Extensions.Logging.ILogger<SqliteReminderTable>>()));
        builder.Services.AddSingleton<IReminderTable>(services => services.GetRequiredService<SqliteReminderTable>());
        return builder;
    }
}

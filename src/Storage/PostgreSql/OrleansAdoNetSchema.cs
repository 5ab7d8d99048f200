using Npgsql;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema of the Orleans AdoNet providers (clustering, grain storage, reminders): their tables and the
/// <c>OrleansQuery</c> texts they load at start, written by this project to the providers' contract (the scripts are
/// not shipped in the NuGet packages). Applied as the "orleans" component of <see cref="PostgreSqlSchemaMigrator"/>:
/// each script once, under its advisory lock, so silos that start together apply it once between them.
/// </summary>
public static class OrleansAdoNetSchema
{
    /// <summary>The ADO.NET invariant the providers are configured with for PostgreSQL.</summary>
    public const string Invariant = "Npgsql";

    public const string MigrationComponent = "orleans";

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(OrleansAdoNetSchema).Assembly, "ParkingGrains.Storage.PostgreSql.Migrations");

    /// <summary>Applies the scripts not applied yet. Safe to call from many silos at once, and again later.</summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgreSqlSchemaMigrator.MigrateAsync(dataSource, MigrationComponent, Migrations, ct).ConfigureAwait(false);
    }
}

using Npgsql;

namespace ParkingGrains.Storage.Sql;

/// <summary>
/// Applies a component's pending scripts to PostgreSQL, each once, each in its own transaction, recorded in
/// <c>schema_migrations(component, version, applied_at)</c>. A transaction-scoped advisory lock serialises silos
/// that start together (concurrent CREATE TABLE IF NOT EXISTS can otherwise fail on the catalog's unique index).
/// Tables are created in the first schema of the connection's search_path.
/// </summary>
public static class PostgreSqlSchemaMigrator
{
    // An arbitrary constant shared by every component: migrations are rare, so one lock for all is simplest.
    private const long AdvisoryLockKey = 0x5061726B_47726E73; // "ParkGrns"

    private const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component  text        NOT NULL,
            version    integer     NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (component, version)
        )
        """;

    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource,
        string component,
        IReadOnlyList<MigrationScript> scripts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(scripts);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var script in scripts.OrderBy(s => s.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CreateMigrationsTable, cancellationToken).ConfigureAwait(false);

            // Checked under the lock, so a silo that waited sees what the winner applied.
            await using (var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE component = $1 AND version = $2", connection, transaction))
            {
                check.Parameters.Add(new NpgsqlParameter { Value = component });
                check.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (component, version) VALUES ($1, $2)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = component });
                record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using Microsoft.Data.Sqlite;

namespace ParkingGrains.Storage.Sql;

/// <summary>
/// Applies a component's pending scripts to SQLite, each once, each in a <c>BEGIN IMMEDIATE</c> transaction (which
/// takes the database write lock up front, so two providers opening the same file cannot both apply a script),
/// recorded in <c>schema_migrations(component, version, applied_at)</c>.
/// </summary>
public static class SqliteSchemaMigrator
{
    private const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component  TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (component, version)
        )
        """;

    /// <param name="connection">An open connection with no active transaction.</param>
    public static async Task MigrateAsync(
        SqliteConnection connection,
        string component,
        IReadOnlyList<MigrationScript> scripts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(scripts);

        foreach (var script in scripts.OrderBy(s => s.Version))
        {
            await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, CreateMigrationsTable, cancellationToken).ConfigureAwait(false);
                bool applied;
                await using (var check = connection.CreateCommand())
                {
                    check.CommandText = "SELECT 1 FROM schema_migrations WHERE component = $component AND version = $version";
                    check.Parameters.AddWithValue("$component", component);
                    check.Parameters.AddWithValue("$version", script.Version);
                    applied = await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
                }

                if (!applied)
                {
                    await ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
                    await using var record = connection.CreateCommand();
                    record.CommandText = "INSERT INTO schema_migrations (component, version) VALUES ($component, $version)";
                    record.Parameters.AddWithValue("$component", component);
                    record.Parameters.AddWithValue("$version", script.Version);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, "COMMIT", cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

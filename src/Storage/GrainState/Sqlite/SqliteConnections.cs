using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.GrainState.Sqlite;

/// <summary>
/// Connection handling shared by the SQLite providers: one long-lived writer connection (writes are serialised in
/// process, so SQLite's single-writer lock is never contended here) and pooled reader connections, which WAL lets
/// read while the writer commits.
/// </summary>
internal static class SqliteConnections
{
    public static string ReaderConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();

    public static string WriterConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    public static async Task<SqliteConnection> OpenWriterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The SQLite providers need a database file, not an in-memory database.", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(WriterConnectionString(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL: readers do not block the writer and a commit is one sequential append. synchronous=FULL makes an
            // acknowledged write survive power loss, not only a process crash. busy_timeout covers other processes.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken)
                .ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the writer connection and applies the component's pending migrations on it.</summary>
    public static async Task<SqliteConnection> OpenMigratedWriterAsync(
        string connectionString,
        string component,
        IReadOnlyList<MigrationScript> migrations,
        CancellationToken cancellationToken)
    {
        var writer = await OpenWriterAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await SqliteSchemaMigrator.MigrateAsync(writer, component, migrations, cancellationToken).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction (the file's write lock is taken up front, so
    /// checks made inside cannot be invalidated by another process) and commits; rolls back if anything throws.
    /// </summary>
    public static async Task<TResult> InWriteTransactionAsync<TResult>(
        SqliteConnection connection,
        Func<Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await work().ConfigureAwait(false);
            await ExecuteAsync(connection, "COMMIT", cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch
        {
            try
            {
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // SQLite may already have rolled back on its own (e.g. after an I/O error); the original error is what matters.
            }

            throw;
        }
    }

    public static async Task<SqliteConnection> OpenReaderAsync(string readerConnectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static void ClearPool(string readerConnectionString)
    {
        using var connection = new SqliteConnection(readerConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static bool IsBusy(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED
}

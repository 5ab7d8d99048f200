using Microsoft.Data.Sqlite;

namespace ParkingGrains.Runtime.Storage.Sqlite;

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

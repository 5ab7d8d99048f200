using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.GrainState.Sqlite;

/// <summary>
/// The write side shared by the SQLite providers that group-commit (grain storage, event log): one writer
/// connection opened and migrated on first use, one writer loop that applies every pending write in one
/// BEGIN IMMEDIATE transaction (one fsync), and pooled reader connections that WAL lets read meanwhile.
/// </summary>
internal sealed class SqliteGroupCommit<TWrite> : IAsyncDisposable
    where TWrite : class, IBatchedWrite
{
    private readonly string _connectionString;
    private readonly string _readerConnectionString;
    private readonly string _component;
    private readonly IReadOnlyList<MigrationScript> _migrations;
    private readonly Func<SqliteConnection, IReadOnlyList<TWrite>, CancellationToken, Task<bool[]>> _apply;
    private readonly AsyncInitializer _initializer;
    private SqliteConnection? _writer;

    /// <param name="apply">Applies a batch inside the open transaction; returns, per write, whether its version matched.</param>
    public SqliteGroupCommit(
        string connectionString,
        string component,
        IReadOnlyList<MigrationScript> migrations,
        int maxBatchSize,
        Func<SqliteConnection, IReadOnlyList<TWrite>, CancellationToken, Task<bool[]>> apply)
    {
        _connectionString = connectionString;
        _readerConnectionString = SqliteConnections.ReaderConnectionString(connectionString);
        _component = component;
        _migrations = migrations;
        _apply = apply;
        _initializer = new AsyncInitializer(InitializeCoreAsync);

        // One writer loop: the connection is not thread-safe and SQLite has one writer anyway.
        Batcher = new WriteBatcher<TWrite>(maxBatchSize, concurrency: 1, ExecuteBatchAsync, SqliteConnections.IsBusy);
    }

    public WriteBatcher<TWrite> Batcher { get; }

    /// <summary>Opens the file, switches it to WAL and applies pending migrations, once.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    /// <summary>Queues the write; completes with its new version once its batch committed.</summary>
    public async Task<long> WriteAsync(TWrite write)
    {
        await _initializer.EnsureAsync().ConfigureAwait(false);
        return await Batcher.EnqueueAsync(write).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a pooled reader connection of the initialized file, on the thread pool:
    /// Microsoft.Data.Sqlite's async methods complete synchronously, so a read started on a grain's scheduler would
    /// otherwise block that scheduler for the whole query.
    /// </summary>
    public Task<TResult> ReadAsync<TResult>(Func<SqliteConnection, Task<TResult>> read) =>
        Task.Run(async () =>
        {
            await _initializer.EnsureAsync().ConfigureAwait(false);
            await using var connection = await SqliteConnections.OpenReaderAsync(_readerConnectionString, CancellationToken.None).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        });

    public async ValueTask DisposeAsync()
    {
        await Batcher.DisposeAsync().ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        // Pooled readers would otherwise keep the file open after the provider is gone.
        SqliteConnections.ClearPool(_readerConnectionString);
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken) =>
        _writer = await SqliteConnections.OpenMigratedWriterAsync(_connectionString, _component, _migrations, cancellationToken).ConfigureAwait(false);

    private Task<bool[]> ExecuteBatchAsync(IReadOnlyList<TWrite> writes, CancellationToken cancellationToken)
    {
        // Only the single writer loop gets here, and only after initialization (writers await it before enqueueing).
        var connection = _writer ?? throw new InvalidOperationException($"The SQLite {_component} is not initialized.");
        return SqliteConnections.InWriteTransactionAsync(connection, () => _apply(connection, writes, cancellationToken), cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using ParkingGrains.Runtime.Sql;

namespace ParkingGrains.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded grain store: a SQLite file in WAL mode. Writes go through one writer loop on one connection and
/// are group-committed (all pending writes in one transaction, one fsync); reads use pooled connections.
/// Same ETag semantics as the PostgreSQL provider. Dispose it to release the file.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable
{
    public const string MigrationComponent = "grain_storage";

    private const string ReadSql =
        "SELECT payload, version FROM grain_state WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state";

    private const string InsertSql =
        "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version) " +
        "VALUES ($service, $type, $key, $state, $payload, 1) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET payload = $payload, version = version + 1, modified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') " +
        "WHERE service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $state AND version = $expected";

    private readonly string _connectionString;
    private readonly string _readerConnectionString;
    private readonly string _serviceId;
    private readonly GrainStateSerializer _serializer;
    private readonly AsyncInitializer _initializer;
    private readonly WriteBatcher<PendingWrite> _batcher;
    private SqliteConnection? _writer;

    public SqliteGrainStorage(SqliteStorageOptions options, GrainStateSerializer? serializer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _connectionString = options.ConnectionString;
        _readerConnectionString = SqliteConnections.ReaderConnectionString(options.ConnectionString);
        _serviceId = options.ServiceId;
        _serializer = serializer ?? GrainStateSerializer.Default;
        _initializer = new AsyncInitializer(InitializeCoreAsync);

        // One writer loop: the connection is not thread-safe and SQLite has one writer anyway.
        _batcher = new WriteBatcher<PendingWrite>(options.MaxBatchSize, concurrency: 1, ExecuteBatchAsync, SqliteConnections.IsBusy);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(SqliteGrainStorage).Assembly, "ParkingGrains.Runtime.Storage.Sqlite.Migrations");

    internal WriteBatcher<PendingWrite> Batcher => _batcher;

    /// <summary>Opens the file, switches it to WAL and applies pending migrations. Optional: first use does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        string? payload;
        long? version = null;
        await using (var connection = await SqliteConnections.OpenReaderAsync(_readerConnectionString, CancellationToken.None).ConfigureAwait(false))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            AddKey(command, grainId.Type, grainId.Key, stateName);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            if (await reader.ReadAsync().ConfigureAwait(false))
            {
                payload = reader.IsDBNull(0) ? null : reader.GetString(0);
                version = reader.GetInt64(1);
            }
            else
            {
                payload = null;
            }
        }

        grainState.State = payload is null ? GrainStateSerializer.CreateDefault<T>() : _serializer.Deserialize<T>(payload);
        grainState.ETag = version is { } v ? GrainStorageETag.Format(v) : null;
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = GrainStorageETag.Parse(grainState.ETag, grainId, stateName);
        var payload = _serializer.Serialize(grainState.State);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        var version = await _batcher.EnqueueAsync(new PendingWrite(grainId.Type, grainId.Key, stateName, payload, expected)).ConfigureAwait(false);
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = GrainStorageETag.Parse(grainState.ETag, grainId, stateName);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        var version = await _batcher.EnqueueAsync(new PendingWrite(grainId.Type, grainId.Key, stateName, payload: null, expected)).ConfigureAwait(false);
        grainState.State = GrainStateSerializer.CreateDefault<T>();
        grainState.ETag = GrainStorageETag.Format(version);
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync().ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }

        // Pooled readers would otherwise keep the file open after the provider is gone.
        SqliteConnections.ClearPool(_readerConnectionString);
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken) =>
        _writer = await SqliteConnections.OpenMigratedWriterAsync(_connectionString, MigrationComponent, Migrations, cancellationToken).ConfigureAwait(false);

    private async Task<bool[]> ExecuteBatchAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        // Only the single writer loop gets here, and only after initialization (callers await it before enqueueing).
        var connection = _writer ?? throw new InvalidOperationException("The SQLite grain storage is not initialized.");
        return await SqliteConnections.InWriteTransactionAsync(connection, async () =>
        {
            var applied = new bool[writes.Count];
            await using var insert = connection.CreateCommand();
            insert.CommandText = InsertSql;
            await using var update = connection.CreateCommand();
            update.CommandText = UpdateSql;
            for (var i = 0; i < writes.Count; i++)
            {
                var write = writes[i];
                var command = write.ExpectedVersion is null ? insert : update;
                command.Parameters.Clear();
                AddKey(command, write.GrainType, write.GrainKey, write.StateName);
                command.Parameters.AddWithValue("$payload", (object?)write.Payload ?? DBNull.Value);
                if (write.ExpectedVersion is { } expected)
                {
                    command.Parameters.AddWithValue("$expected", expected);
                }

                applied[i] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }

            return applied;
        }, cancellationToken).ConfigureAwait(false);
    }

    private void AddKey(SqliteCommand command, string grainType, string grainKey, string stateName)
    {
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.AddWithValue("$state", stateName);
    }
}

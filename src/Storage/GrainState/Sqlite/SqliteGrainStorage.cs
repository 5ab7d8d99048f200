using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.GrainState.Sqlite;

/// <summary>
/// The embedded grain store: a SQLite file in WAL mode. Writes go through one writer loop on one connection and
/// are group-committed (<see cref="SqliteGroupCommit{TWrite}"/>: all pending writes in one transaction, one fsync);
/// reads use pooled connections.
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

    private readonly string _serviceId;
    private readonly GrainStateSerializer _serializer;
    private readonly SqliteGroupCommit<PendingWrite> _writes;

    public SqliteGrainStorage(SqliteStorageOptions options, GrainStateSerializer? serializer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _serviceId = options.ServiceId;
        _serializer = serializer ?? GrainStateSerializer.Default;
        _writes = new SqliteGroupCommit<PendingWrite>(options.ConnectionString, MigrationComponent, Migrations, options.MaxBatchSize, ApplyBatchAsync);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(SqliteGrainStorage).Assembly, "ParkingGrains.Storage.GrainState.Sqlite.Migrations");

    internal WriteBatcher<PendingWrite> Batcher => _writes.Batcher;

    /// <summary>Opens the file, switches it to WAL and applies pending migrations. Optional: first use does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _writes.InitializeAsync(cancellationToken);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        var (payload, version) = await _writes.ReadAsync<(string? Payload, long? Version)>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            AddKey(command, grainId.Type.ToString(), grainId.Key.ToString(), stateName);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            if (!await reader.ReadAsync().ConfigureAwait(false))
            {
                return (null, null);
            }

            return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
        }).ConfigureAwait(false);

        GrainStateRows.Populate(grainState, _serializer, payload, version);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainStateRows.WriteAsync(_writes.WriteAsync, _serializer, stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainStateRows.ClearAsync(_writes.WriteAsync, stateName, grainId, grainState);

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task<bool[]> ApplyBatchAsync(SqliteConnection connection, IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
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
    }

    private void AddKey(SqliteCommand command, string grainType, string grainKey, string stateName)
    {
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.AddWithValue("$state", stateName);
    }
}

using Npgsql;
using NpgsqlTypes;
using ParkingGrains.Runtime.Sql;

namespace ParkingGrains.Runtime.Storage.PostgreSql;

/// <summary>
/// Grain state in PostgreSQL with an optimistic version per row. Concurrent writes are group-committed
/// (<see cref="PostgreSqlGroupCommit{TWrite}"/>: many per round trip, one transaction, one WAL flush), each an
/// UPDATE ... WHERE version = @etag (or an INSERT ... ON CONFLICT DO NOTHING for a first write) whose row count
/// tells whether that write was stale. A write is acknowledged only after its batch committed.
/// </summary>
public sealed class PostgreSqlGrainStorage : IGrainStorage, IAsyncDisposable
{
    public const string MigrationComponent = "grain_storage";

    private const string ReadSql =
        "SELECT payload::text, version FROM grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    private const string InsertSql =
        "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, version) VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET payload = $5, version = version + 1, modified_at = now() " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4 AND version = $6";

    private readonly string _serviceId;
    private readonly GrainStateSerializer _serializer;
    private readonly PostgreSqlGroupCommit<PendingWrite> _writes;

    public PostgreSqlGrainStorage(PostgreSqlStorageOptions options, GrainStateSerializer? serializer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _serviceId = options.ServiceId;
        _serializer = serializer ?? GrainStateSerializer.Default;
        _writes = new PostgreSqlGroupCommit<PendingWrite>(
            options.ConnectionString, MigrationComponent, Migrations, options.MaxBatchSize, options.MaxConcurrentBatches, CreateCommand, _ => 1);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(PostgreSqlGrainStorage).Assembly, "ParkingGrains.Runtime.Storage.PostgreSql.Migrations");

    internal WriteBatcher<PendingWrite> Batcher => _writes.Batcher;

    /// <summary>Applies pending schema migrations. Optional: the first read or write does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _writes.InitializeAsync(cancellationToken);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await _writes.InitializeAsync().ConfigureAwait(false);

        await using var command = _writes.DataSource.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            GrainStateRows.Populate(grainState, _serializer, payload: null, version: null);
            return;
        }

        GrainStateRows.Populate(grainState, _serializer, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainStateRows.WriteAsync(_writes.WriteAsync, _serializer, stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainStateRows.ClearAsync(_writes.WriteAsync, stateName, grainId, grainState);

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private NpgsqlBatchCommand CreateCommand(PendingWrite write)
    {
        var command = new NpgsqlBatchCommand(write.ExpectedVersion is null ? InsertSql : UpdateSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.GrainKey });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.StateName });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)write.Payload ?? DBNull.Value });
        if (write.ExpectedVersion is { } expected)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        }

        return command;
    }
}

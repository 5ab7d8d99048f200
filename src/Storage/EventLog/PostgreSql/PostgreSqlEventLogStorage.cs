using Npgsql;
using ParkingGrains.Storage.Sql;
using ParkingGrains.Storage.GrainState;

namespace ParkingGrains.Storage.EventLog.PostgreSql;

/// <summary>
/// The event log in PostgreSQL: one row per event, keyed by (service, grain, stream, version). An append is one
/// INSERT ... SELECT of all its events that inserts only when the stream's last version is the expected one, so a
/// stale or gapped append inserts nothing (row count 0) and a concurrent one hits the primary key; either way it
/// is all or nothing. Concurrent appends from many grains are group-committed like grain writes
/// (<see cref="PostgreSqlGroupCommit{TWrite}"/>: one round trip, one transaction, one WAL flush) and acknowledged only
/// after the commit; a batch that hits a unique violation is re-run one append at a time, so only the stale one fails.
/// </summary>
public sealed class PostgreSqlEventLogStorage : IEventLogStorage, IAsyncDisposable
{
    public const string MigrationComponent = "event_log";

    private const string ReadSql =
        "SELECT version, kind, occurred_at, payload::text FROM event_log " +
        "WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND stream = $4 AND version > $5 ORDER BY version";

    private const string LastVersionSql =
        "SELECT coalesce(max(version), 0) FROM event_log WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND stream = $4";

    // One statement per append whatever its size (the events travel as arrays), so the text is fixed and prepared
    // once per connection. The guard is evaluated once; an uncommitted concurrent append is invisible to it, but its
    // rows then block ours on the primary key and we get a unique violation once it commits.
    private const string AppendSql =
        "INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload) " +
        "SELECT $1, $2, $3, $4, $5 + e.ord, e.kind, e.occurred_at, e.payload::jsonb " +
        "FROM unnest($6::text[], $7::timestamptz[], $8::text[]) WITH ORDINALITY AS e(kind, occurred_at, payload, ord) " +
        "WHERE (" + LastVersionSql + ") = $5";

    // The common case, one event, without the array encoding and unnest.
    private const string AppendOneSql =
        "INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload) " +
        "SELECT $1, $2, $3, $4, $5 + 1, $6, $7, $8::jsonb WHERE (" + LastVersionSql + ") = $5";

    private readonly string _serviceId;
    private readonly PostgreSqlGroupCommit<PendingAppend> _appends;

    public PostgreSqlEventLogStorage(PostgreSqlEventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _serviceId = options.ServiceId;
        _appends = new PostgreSqlGroupCommit<PendingAppend>(
            options.ConnectionString, MigrationComponent, Migrations, options.MaxBatchSize, options.MaxConcurrentBatches, CreateCommand, a => a.Events.Count);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(PostgreSqlEventLogStorage).Assembly, "ParkingGrains.Storage.EventLog.PostgreSql.Migrations");

    internal WriteBatcher<PendingAppend> Batcher => _appends.Batcher;

    /// <summary>Applies pending schema migrations. Optional: the first read or append does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _appends.InitializeAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        await _appends.InitializeAsync().ConfigureAwait(false);

        await using var command = _appends.DataSource.CreateCommand(ReadSql);
        AddStreamKey(command.Parameters, grainId, streamName);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }

        return events;
    }

    public async Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        var append = new PendingAppend(grainId, streamName, expectedVersion, events);
        if (events.Count > 0)
        {
            await _appends.WriteAsync(append).ConfigureAwait(false);
            return;
        }

        // Nothing to insert (so no row count to go by), but the caller still learns whether its version is current.
        await _appends.InitializeAsync().ConfigureAwait(false);
        await using var command = _appends.DataSource.CreateCommand(LastVersionSql);
        AddStreamKey(command.Parameters, grainId, streamName);
        if ((long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! != expectedVersion)
        {
            throw append.Conflict();
        }
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    private NpgsqlBatchCommand CreateCommand(PendingAppend append)
    {
        var count = append.Events.Count;
        var command = new NpgsqlBatchCommand(count == 1 ? AppendOneSql : AppendSql);
        AddStreamKey(command.Parameters, append.GrainId, append.Stream);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = append.ExpectedVersion });
        if (count == 1)
        {
            var e = append.Events[0];
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.Kind });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = e.OccurredAt.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.PayloadJson });
            return command;
        }

        var kinds = new string[count];
        var occurred = new DateTimeOffset[count];
        var payloads = new string[count];
        for (var i = 0; i < count; i++)
        {
            var e = append.Events[i];
            kinds[i] = e.Kind;

            // timestamptz stores an instant; Npgsql only writes UTC offsets, and reports bucket in the lot's zone anyway.
            occurred[i] = e.OccurredAt.ToUniversalTime();
            payloads[i] = e.PayloadJson;
        }

        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = kinds });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = occurred });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = payloads });
        return command;
    }

    private void AddStreamKey(NpgsqlParameterCollection parameters, GrainId grainId, string streamName)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.ToString() });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key.ToString() });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = streamName });
    }
}

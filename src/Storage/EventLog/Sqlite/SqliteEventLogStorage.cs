using System.Globalization;
using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.Sql;
using ParkingGrains.Storage.GrainState;
using ParkingGrains.Storage.GrainState.Sqlite;

namespace ParkingGrains.Storage.EventLog.Sqlite;

/// <summary>
/// The embedded event log: a SQLite file in WAL mode (may be the grain storage's file). Appends go through one
/// writer loop on one connection and are group-committed (all pending appends in one BEGIN IMMEDIATE transaction,
/// one fsync with synchronous=FULL). Inside the transaction the file's write lock is held, so checking the stream's
/// last version and then inserting cannot race another process. Same semantics as the PostgreSQL event log.
/// </summary>
public sealed class SqliteEventLogStorage : IEventLogStorage, IAsyncDisposable
{
    public const string MigrationComponent = "event_log";

    /// <summary>Fixed width, so text order is time order; microseconds, like PostgreSQL's timestamptz.</summary>
    internal const string OccurredAtFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private const string StreamKey = "service_id = $service AND grain_type = $type AND grain_key = $key AND stream = $stream";

    private const string ReadSql =
        "SELECT version, kind, occurred_at, payload FROM event_log WHERE " + StreamKey + " AND version > $after ORDER BY version";

    private const string LastVersionSql = "SELECT coalesce(max(version), 0) FROM event_log WHERE " + StreamKey;

    private const string InsertSql =
        "INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload) " +
        "VALUES ($service, $type, $key, $stream, $version, $kind, $occurred, $payload)";

    private readonly string _serviceId;
    private readonly SqliteGroupCommit<PendingAppend> _appends;

    public SqliteEventLogStorage(SqliteEventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _serviceId = options.ServiceId;
        _appends = new SqliteGroupCommit<PendingAppend>(options.ConnectionString, MigrationComponent, Migrations, options.MaxBatchSize, ApplyBatchAsync);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(SqliteEventLogStorage).Assembly, "ParkingGrains.Storage.EventLog.Sqlite.Migrations");

    internal WriteBatcher<PendingAppend> Batcher => _appends.Batcher;

    /// <summary>Opens the file, switches it to WAL and applies pending migrations. Optional: first use does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _appends.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        return _appends.ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            AddStreamKey(command, grainId.Type.ToString(), grainId.Key.ToString(), streamName);
            command.Parameters.AddWithValue("$after", afterVersion);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            var events = new List<StoredEvent>();
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var occurredAt = DateTimeOffset.ParseExact(
                    reader.GetString(2), OccurredAtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), occurredAt, reader.GetString(3)));
            }

            return events;
        });
    }

    // An empty append goes through the batch too: it inserts nothing but still checks the expected version.
    public Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events) =>
        _appends.WriteAsync(new PendingAppend(grainId, streamName, expectedVersion, events));

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    private async Task<bool[]> ApplyBatchAsync(SqliteConnection connection, IReadOnlyList<PendingAppend> appends, CancellationToken cancellationToken)
    {
        // The transaction holds the file's write lock: the version read here stays the last until the commit.
        var applied = new bool[appends.Count];
        await using var last = connection.CreateCommand();
        last.CommandText = LastVersionSql;
        await using var insert = connection.CreateCommand();
        insert.CommandText = InsertSql;
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            last.Parameters.Clear();
            AddStreamKey(last, append.GrainType, append.GrainKey, append.Stream);

            // Stale (behind) and gapped (ahead) appends both fail here, before anything is inserted.
            if ((long)(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != append.ExpectedVersion)
            {
                continue;
            }

            for (var e = 0; e < append.Events.Count; e++)
            {
                var @event = append.Events[e];
                insert.Parameters.Clear();
                AddStreamKey(insert, append.GrainType, append.GrainKey, append.Stream);
                insert.Parameters.AddWithValue("$version", append.ExpectedVersion + e + 1);
                insert.Parameters.AddWithValue("$kind", @event.Kind);
                insert.Parameters.AddWithValue("$occurred", @event.OccurredAt.UtcDateTime.ToString(OccurredAtFormat, CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$payload", @event.PayloadJson);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            applied[i] = true;
        }

        return applied;
    }

    private void AddStreamKey(SqliteCommand command, string grainType, string grainKey, string streamName)
    {
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.AddWithValue("$stream", streamName);
    }
}

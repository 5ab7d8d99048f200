using System.Globalization;
using Microsoft.Data.Sqlite;
using ParkingGrains.Runtime.Sql;
using ParkingGrains.Runtime.Storage;
using ParkingGrains.Runtime.Storage.Sqlite;

namespace ParkingGrains.Runtime.EventLog.Sqlite;

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

    private readonly string _connectionString;
    private readonly string _readerConnectionString;
    private readonly string _serviceId;
    private readonly AsyncInitializer _initializer;
    private readonly WriteBatcher<PendingAppend> _batcher;
    private SqliteConnection? _writer;

    public SqliteEventLogStorage(SqliteEventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _connectionString = options.ConnectionString;
        _readerConnectionString = SqliteConnections.ReaderConnectionString(options.ConnectionString);
        _serviceId = options.ServiceId;
        _initializer = new AsyncInitializer(InitializeCoreAsync);

        // One writer loop: the connection is not thread-safe and SQLite has one writer anyway.
        _batcher = new WriteBatcher<PendingAppend>(options.MaxBatchSize, concurrency: 1, ExecuteBatchAsync, SqliteConnections.IsBusy);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(SqliteEventLogStorage).Assembly, "ParkingGrains.Runtime.EventLog.Sqlite.Migrations");

    internal WriteBatcher<PendingAppend> Batcher => _batcher;

    /// <summary>Opens the file, switches it to WAL and applies pending migrations. Optional: first use does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string streamName, long afterVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        await using var connection = await SqliteConnections.OpenReaderAsync(_readerConnectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        AddStreamKey(command, grainId.Type, grainId.Key, streamName);
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
    }

    public async Task AppendAsync(GrainId grainId, string streamName, long expectedVersion, IReadOnlyList<EventToAppend> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        // An empty append goes through the batcher too: it inserts nothing but still checks the expected version.
        await _batcher.EnqueueAsync(new PendingAppend(grainId, streamName, expectedVersion, events)).ConfigureAwait(false);
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

    private async Task<bool[]> ExecuteBatchAsync(IReadOnlyList<PendingAppend> appends, CancellationToken cancellationToken)
    {
        // Only the single writer loop gets here, and only after initialization (callers await it before enqueueing).
        var connection = _writer ?? throw new InvalidOperationException("The SQLite event log is not initialized.");
        return await SqliteConnections.InWriteTransactionAsync(connection, async () =>
        {
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
        }, cancellationToken).ConfigureAwait(false);
    }

    private void AddStreamKey(SqliteCommand command, string grainType, string grainKey, string streamName)
    {
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.AddWithValue("$stream", streamName);
    }
}

using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.Sql;
using ParkingGrains.Storage.GrainState.Sqlite;

namespace ParkingGrains.Storage.Reminders.Sqlite;

/// <summary>
/// Reminder rows in a SQLite file (WAL). Writes are serialised through one connection; reads use pooled ones.
/// StartAt is stored with microsecond precision and Period in whole milliseconds. Dispose it to release the file.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable
{
    public const string MigrationComponent = "reminders";

    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";

    private readonly string _connectionString;
    private readonly string _readerConnectionString;
    private readonly string _serviceId;
    private readonly AsyncInitializer _initializer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteReminderTable(SqliteReminderTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _connectionString = options.ConnectionString;
        _readerConnectionString = SqliteConnections.ReaderConnectionString(options.ConnectionString);
        _serviceId = options.ServiceId;
        _initializer = new AsyncInitializer(InitializeCoreAsync);
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(SqliteReminderTable).Assembly, "ParkingGrains.Storage.Reminders.Sqlite.Migrations");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end)
    {
        var range = begin < end ? " AND grain_hash > $begin AND grain_hash <= $end"
            : begin > end ? " AND (grain_hash > $begin OR grain_hash <= $end)"
            : "";
        return QueryAsync($"SELECT {Columns} FROM grain_reminders WHERE service_id = $service{range}", command =>
        {
            command.Parameters.AddWithValue("$begin", (long)begin);
            command.Parameters.AddWithValue("$end", (long)end);
        });
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId) =>
        QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $service AND grain_id = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            }).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(async connection =>
        {
            long version;
            await using (var next = connection.CreateCommand())
            {
                next.CommandText = "UPDATE grain_reminders_version SET last = last + 1 WHERE id = 1 RETURNING last";
                version = (long)(await next.ExecuteScalarAsync().ConfigureAwait(false))!;
            }

            await using var upsert = connection.CreateCommand();
            upsert.CommandText =
                "INSERT INTO grain_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version) " +
                "VALUES ($service, $grain, $name, $hash, $start, $period, $version) " +
                "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET " +
                "grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, version = excluded.version";
            upsert.Parameters.AddWithValue("$service", _serviceId);
            upsert.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            upsert.Parameters.AddWithValue("$name", entry.ReminderName);
            upsert.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            upsert.Parameters.AddWithValue("$start", ToUnixMicroseconds(entry.StartAt));
            upsert.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
            upsert.Parameters.AddWithValue("$version", version);
            await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
            return ReminderRing.FormatETag(version);
        });
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag)
    {
        if (!ReminderRing.TryParseETag(eTag, out var version))
        {
            return Task.FromResult(false);
        }

        return WriteAsync(async connection =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText =
                "DELETE FROM grain_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND version = $version";
            delete.Parameters.AddWithValue("$service", _serviceId);
            delete.Parameters.AddWithValue("$grain", grainId.ToString());
            delete.Parameters.AddWithValue("$name", reminderName);
            delete.Parameters.AddWithValue("$version", version);
            return await delete.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
                _writer = null;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        SqliteConnections.ClearPool(_readerConnectionString);
    }

    private static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromUnixMicroseconds(long value) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (value * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        var writer = await SqliteConnections.OpenWriterAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await SqliteSchemaMigrator.MigrateAsync(writer, MigrationComponent, Migrations, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _writer = writer;
    }

    private async Task<TResult> WriteAsync<TResult>(Func<SqliteConnection, Task<TResult>> write)
    {
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var connection = _writer ?? throw new ObjectDisposedException(nameof(SqliteReminderTable));
            await SqliteConnections.ExecuteAsync(connection, "BEGIN IMMEDIATE", CancellationToken.None).ConfigureAwait(false);
            try
            {
                var result = await write(connection).ConfigureAwait(false);
                await SqliteConnections.ExecuteAsync(connection, "COMMIT", CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            catch
            {
                try
                {
                    await SqliteConnections.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                }
                catch (SqliteException)
                {
                    // Already rolled back by SQLite; the original error is what matters.
                }

                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind)
    {
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await using var connection = await SqliteConnections.OpenReaderAsync(_readerConnectionString, CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        bind(command);

        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = FromUnixMicroseconds(reader.GetInt64(2)),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = ReminderRing.FormatETag(reader.GetInt64(4)),
            });
        }

        return rows;
    }
}

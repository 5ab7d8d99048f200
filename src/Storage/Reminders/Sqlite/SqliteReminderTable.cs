using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.Storage.Sql;

namespace ParkingGrains.Storage.Reminders.Sqlite;

/// <summary>
/// Orleans' reminder table in a SQLite file (WAL). Writes are serialised through one writer connection; reads use
/// pooled ones. Every statement runs on the thread pool: Microsoft.Data.Sqlite's async methods complete
/// synchronously, and Orleans calls the table from its reminder service's scheduler, which must never block.
/// StartAt is stored as UTC with microsecond precision and Period in whole milliseconds. Dispose it to release the file.
/// A row that cannot be read (or that Orleans could not schedule: a first tick more than ~49 days ahead, a period out of
/// a timer's range) is logged and left out of the answer instead of failing the whole read, so one bad row never
/// stops every other reminder of the silo.
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
    // System.Threading.Timer's limit for a due time or period, which Orleans' reminder service uses for each reminder.
    private static readonly TimeSpan s_maxTimer = TimeSpan.FromMilliseconds(0xfffffffe);

    private readonly ILogger _logger;
    private SqliteConnection? _writer;

    public SqliteReminderTable(SqliteReminderTableOptions options, ILogger<SqliteReminderTable>? logger = null)
    {
        _logger = logger ?? NullLogger<SqliteReminderTable>.Instance;
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

    /// <summary>Opens the file, switches it to WAL and applies pending migrations. Optional: first use does it too.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    /// <summary>Called by the reminder service as the silo starts, so a file that cannot be opened fails the start.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => InitializeAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // (begin, end] on the ring; begin >= end wraps past uint.MaxValue, so begin == end is the whole ring.
        var range = begin < end
            ? " AND grain_hash > $begin AND grain_hash <= $end"
            : " AND (grain_hash > $begin OR grain_hash <= $end)";
        return QueryAsync($"SELECT {Columns} FROM grain_reminders WHERE service_id = $service{range}", command =>
        {
            command.Parameters.AddWithValue("$begin", (long)begin);
            command.Parameters.AddWithValue("$end", (long)end);
        });
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $service AND grain_id = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            }).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    /// <summary>Inserts or replaces the row unconditionally (Orleans ignores the entry's ETag here) and returns the new ETag.</summary>
    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);

        // Read the entry now: it belongs to the caller, who may change it once this returns.
        var grain = entry.GrainId.ToString();
        var name = entry.ReminderName;
        var hash = (long)entry.GrainId.GetUniformHashCode();
        var start = ToUnixMicroseconds(entry.StartAt);
        var period = (long)entry.Period.TotalMilliseconds;
        return WriteAsync<string?>(async connection =>
        {
            // One counter for the table, so a removed and re-created reminder never reuses an old ETag.
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
            upsert.Parameters.AddWithValue("$grain", grain);
            upsert.Parameters.AddWithValue("$name", name);
            upsert.Parameters.AddWithValue("$hash", hash);
            upsert.Parameters.AddWithValue("$start", start);
            upsert.Parameters.AddWithValue("$period", period);
            upsert.Parameters.AddWithValue("$version", version);
            await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
            return FormatETag(version);
        });
    }

    /// <summary>Removes the row only if its ETag still matches; false when it changed, is gone, or the ETag is not ours.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!TryParseETag(eTag, out var version))
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

    /// <summary>Removes this service's rows only; other services sharing the file keep theirs.</summary>
    public Task TestOnlyClearTable() =>
        WriteAsync(async connection =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM grain_reminders WHERE service_id = $service";
            delete.Parameters.AddWithValue("$service", _serviceId);
            return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        });

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

        // Pooled readers would otherwise keep the file open after the table is gone.
        SqliteConnections.ClearPool(_readerConnectionString);
    }

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseETag(string? eTag, out long version) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    // Orleans hands out UTC times (it reads StartAt back as UTC whatever its Kind), so only a Local time is converted.
    private static long ToUnixMicroseconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    }

    // Checked: a value out of DateTime's range is an unreadable row, not a time that wrapped around.
    private static DateTime FromUnixMicroseconds(long value) =>
        new(checked(DateTime.UnixEpoch.Ticks + (value * TimeSpan.TicksPerMicrosecond)), DateTimeKind.Utc);

    private ReminderEntry? ReadEntry(SqliteDataReader reader, DateTime now)
    {
        try
        {
            var entry = new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = FromUnixMicroseconds(reader.GetInt64(2)),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = FormatETag(reader.GetInt64(4)),
            };
            if (entry.Period < TimeSpan.Zero || entry.Period > s_maxTimer || entry.StartAt - now > s_maxTimer)
            {
                _logger.LogError("Reminder {ReminderName} of {GrainId} cannot be scheduled (starts {StartAt:O}, period {Period}); it is skipped until it is registered again",
                    entry.ReminderName, entry.GrainId, entry.StartAt, entry.Period);
                return null;
            }

            return entry;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or InvalidCastException)
        {
            _logger.LogError(ex, "A reminder row ({GrainId}, {ReminderName}) of service {ServiceId} cannot be read; it is skipped",
                SafeString(reader, 0), SafeString(reader, 1), _serviceId);
            return null;
        }
    }

    private static string? SafeString(SqliteDataReader reader, int ordinal)
    {
        try
        {
            return reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal)?.ToString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken) =>
        _writer = await SqliteConnections.OpenMigratedWriterAsync(_connectionString, MigrationComponent, Migrations, cancellationToken).ConfigureAwait(false);

    private Task<TResult> WriteAsync<TResult>(Func<SqliteConnection, Task<TResult>> write) =>
        Task.Run(async () =>
        {
            await _initializer.EnsureAsync().ConfigureAwait(false);
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                // Reminder writes are rare (register, unregister), so one transaction each: no group commit needed.
                var connection = _writer ?? throw new ObjectDisposedException(nameof(SqliteReminderTable));
                return await SqliteConnections.InWriteTransactionAsync(connection, () => write(connection), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        });

    private Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> bind) =>
        Task.Run(async () =>
        {
            await _initializer.EnsureAsync().ConfigureAwait(false);
            await using var connection = await SqliteConnections.OpenReaderAsync(_readerConnectionString, CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$service", _serviceId);
            bind(command);

            var rows = new List<ReminderEntry>();
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            var now = DateTime.UtcNow;
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                if (ReadEntry(reader, now) is { } entry)
                {
                    rows.Add(entry);
                }
            }

            return new ReminderTableData(rows);
        });
}

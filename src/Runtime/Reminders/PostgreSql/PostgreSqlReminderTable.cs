using System.Data.Common;
using Npgsql;
using ParkingGrains.Runtime.Sql;

namespace ParkingGrains.Runtime.Reminders.PostgreSql;

/// <summary>
/// Reminder rows in PostgreSQL keyed by (service_id, grain_id, reminder_name). StartAt is stored with microsecond
/// precision and Period in whole milliseconds.
/// </summary>
public sealed class PostgreSqlReminderTable : IReminderTable, IAsyncDisposable
{
    public const string MigrationComponent = "reminders";

    private const string Columns = "grain_id, reminder_name, start_at, period_ms, version";

    private const string UpsertSql =
        "INSERT INTO grain_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version) " +
        "VALUES ($1, $2, $3, $4, $5, $6, nextval('grain_reminders_version_seq')) " +
        "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET " +
        "grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, " +
        "version = nextval('grain_reminders_version_seq') RETURNING version";

    private readonly string _serviceId;
    private readonly NpgsqlDataSource _dataSource;
    private readonly AsyncInitializer _initializer;

    public PostgreSqlReminderTable(PostgreSqlReminderTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentException.ThrowIfNullOrEmpty(options.ServiceId);

        _serviceId = options.ServiceId;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _initializer = new AsyncInitializer(ct => PostgreSqlSchemaMigrator.MigrateAsync(_dataSource, MigrationComponent, Migrations, ct));
    }

    internal static IReadOnlyList<MigrationScript> Migrations { get; } =
        EmbeddedMigrations.Load(typeof(PostgreSqlReminderTable).Assembly, "ParkingGrains.Runtime.Reminders.PostgreSql.Migrations");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initializer.EnsureAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end)
    {
        var range = begin < end ? " AND grain_hash > $2 AND grain_hash <= $3"
            : begin > end ? " AND (grain_hash > $2 OR grain_hash <= $3)"
            : "";
        return QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $1{range}",
            begin == end ? [] : [(long)begin, (long)end]);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId) =>
        QueryAsync($"SELECT {Columns} FROM grain_reminders WHERE service_id = $1 AND grain_id = $2", [grainId.ToString()]);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3",
            [grainId.ToString(), reminderName]).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _initializer.EnsureAsync().ConfigureAwait(false);

        await using var command = _dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.GrainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.GrainId.GetUniformHashCode() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)entry.Period.TotalMilliseconds });
        var version = (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        return ReminderRing.FormatETag(version);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag)
    {
        if (!ReminderRing.TryParseETag(eTag, out var version))
        {
            return false;
        }

        await _initializer.EnsureAsync().ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM grain_reminders WHERE service_id = $1 AND grain_id = $2 AND reminder_name = $3 AND version = $4");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal static ReminderEntry ReadEntry(DbDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = reader.GetFieldValue<DateTimeOffset>(2),
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        ETag = ReminderRing.FormatETag(reader.GetInt64(4)),
    };

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, object[] arguments)
    {
        await _initializer.EnsureAsync().ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(ReadEntry(reader));
        }

        return rows;
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.EventLog.Sqlite;
using ParkingGrains.Storage.GrainState;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.TestSupport;
using ParkingGrains.Storage.Tests.Storage;

namespace ParkingGrains.Storage.Tests.EventLog;

public sealed class SqliteEventLogStorageTests : EventLogContractTests
{
    private readonly TempSqliteFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("sqlite-log");

    [Fact]
    public async Task Events_survive_disposing_and_reopening_the_provider()
    {
        var grain = NewGrain();
        await using (var first = NewProvider(_file, _serviceId))
        {
            await first.AppendAsync(grain, Stream, 0, Events(2, "a"));
            await first.AppendAsync(grain, Stream, 2, Events(1, "b"));
        }

        await using var reopened = NewProvider(_file, _serviceId);
        Assert.Equal(["a0", "a1", "b0"], (await reopened.ReadAsync(grain, Stream, 0)).Select(Tag));

        // The reopened provider continues the version sequence and still rejects stale appends.
        await Assert.ThrowsAsync<InconsistentStateException>(() => reopened.AppendAsync(grain, Stream, 2, Events(1, "stale")));
        await reopened.AppendAsync(grain, Stream, 3, Events(1, "c"));
        Assert.Equal([1L, 2L, 3L, 4L], (await reopened.ReadAsync(grain, Stream, 0)).Select(e => e.Version));
    }

    [Fact]
    public async Task Concurrent_appends_are_group_committed_and_a_stale_one_fails_alone()
    {
        var log = (SqliteEventLogStorage)Log;
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        await log.AppendAsync(grains[0], Stream, 0, Events(1, "base"));
        var batchesBefore = log.Batcher.Batches;

        log.Batcher.Hold();
        var good = grains.Skip(1).Select(g => log.AppendAsync(g, Stream, 0, Events(2, "e"))).ToArray();
        var stale = Capture(() => log.AppendAsync(grains[0], Stream, 0, Events(1, "stale")));
        log.Batcher.Release();
        await Task.WhenAll(good);

        Assert.IsType<InconsistentStateException>(await stale);
        Assert.Equal(1, log.Batcher.Batches - batchesBefore);
        Assert.Equal(["base0"], (await log.ReadAsync(grains[0], Stream, 0)).Select(Tag));
    }

    [Fact]
    public async Task Four_providers_initializing_one_fresh_file_concurrently_apply_the_migration_once()
    {
        using var fresh = new TempSqliteFile();
        var providers = Enumerable.Range(0, 4).Select(_ => NewProvider(fresh, _serviceId)).ToArray();
        try
        {
            await Task.WhenAll(providers.Select(p => Task.Run(() => p.InitializeAsync())));
            await Task.WhenAll(providers.Select((p, i) => p.AppendAsync(GrainId.Create("lot", $"l{i}"), Stream, 0, Events(1, "e"))));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }

        await using (var again = NewProvider(fresh, _serviceId))
        {
            await again.InitializeAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={fresh.Path};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync<string>(connection, "PRAGMA journal_mode"));
        Assert.Equal(SqliteEventLogStorage.Migrations.Count, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM schema_migrations WHERE component = 'event_log'"));
        Assert.Equal(4L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM event_log"));
    }

    [Fact]
    public async Task Shares_one_file_with_the_grain_storage()
    {
        await using var storage = new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = _file.ConnectionString, ServiceId = _serviceId });
        var grain = NewGrain();

        await Task.WhenAll(
            storage.WriteStateAsync("snapshot", grain, new GrainState<TestState>(new TestState { Count = 1 })),
            Log.AppendAsync(grain, Stream, 0, Events(3, "e")));

        Assert.Equal(3, (await Log.ReadAsync(grain, Stream, 0)).Count);
        var state = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync("snapshot", grain, state);
        Assert.Equal(1, state.State!.Count);
    }

    [Fact]
    public async Task Reports_group_a_lots_events_by_local_hour_from_sql()
    {
        var lot = NewGrain();
        await Log.AppendAsync(lot, Stream, 0, ReportDay);

        // occurred_at is fixed-width ISO-8601 UTC text: range predicates compare as text, date functions shift to local time.
        const string sql = """
            SELECT strftime('%Y-%m-%d %H', occurred_at, '+7 hours'),
                   count(*) FILTER (WHERE kind = 'VehicleEntered'),
                   coalesce(sum(json_extract(payload, '$.amount')) FILTER (WHERE kind = 'PaymentCaptured'), 0)
            FROM event_log
            WHERE service_id = $service AND grain_type = 'lot' AND kind IN ('VehicleEntered', 'PaymentCaptured')
              AND occurred_at >= $from AND occurred_at < $to AND grain_key = $lot
            GROUP BY 1 ORDER BY 1
            """;
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$from", Utc(ReportDayStart));
        command.Parameters.AddWithValue("$to", Utc(ReportDayStart.AddDays(1)));
        command.Parameters.AddWithValue("$lot", lot.Key.ToString());
        var rows = new List<(string, long, long)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        Assert.Equal([("2025-06-01 07", 1L, 0L), ("2025-06-01 08", 2L, 30000L)], rows);
    }

    protected override Task<IEventLogStorage> CreateSiloLogAsync() => Task.FromResult<IEventLogStorage>(NewProvider(_file, _serviceId));

    protected override Task<IEventLogStorage> CreateOtherServiceLogAsync() =>
        Task.FromResult<IEventLogStorage>(NewProvider(_file, TestServers.UniqueId("sqlite-log-other")));

    protected override Task DisposeBackingAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    private static SqliteEventLogStorage NewProvider(TempSqliteFile file, string serviceId) =>
        new(new SqliteEventLogOptions { ConnectionString = file.ConnectionString, ServiceId = serviceId });

    private static string Utc(DateTimeOffset value) =>
        value.UtcDateTime.ToString(SqliteEventLogStorage.OccurredAtFormat, CultureInfo.InvariantCulture);

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}

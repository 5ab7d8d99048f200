using Npgsql;
using ParkingGrains.Storage.EventLog;
using ParkingGrains.Storage.EventLog.PostgreSql;
using ParkingGrains.TestSupport;

namespace ParkingGrains.Storage.Tests.EventLog;

public sealed class PostgreSqlEventLogStorageTests : EventLogContractTests
{
    private readonly string _serviceId = TestServers.UniqueId("pg-log");

    [Fact]
    public async Task Concurrent_appends_from_many_grains_are_group_committed()
    {
        var log = (PostgreSqlEventLogStorage)Log;
        await log.InitializeAsync();
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        var batchesBefore = log.Batcher.Batches;

        log.Batcher.Hold();
        var appends = grains.Select(g => log.AppendAsync(g, Stream, 0, Events(2, "e"))).ToArray();
        log.Batcher.Release();
        await Task.WhenAll(appends);

        Assert.Equal(1, log.Batcher.Batches - batchesBefore);
        foreach (var grain in grains)
        {
            Assert.Equal([1L, 2L], (await log.ReadAsync(grain, Stream, 0)).Select(e => e.Version));
        }
    }

    [Fact]
    public async Task A_stale_or_gapped_append_in_a_batch_fails_alone()
    {
        var log = (PostgreSqlEventLogStorage)Log;
        var grains = Enumerable.Range(0, 32).Select(_ => NewGrain()).ToArray();
        await Task.WhenAll(grains.Select(g => log.AppendAsync(g, Stream, 0, Events(2, "base"))));
        var batchesBefore = log.Batcher.Batches;

        log.Batcher.Hold();
        var good = grains.Select(g => log.AppendAsync(g, Stream, 2, Events(1, "next"))).ToArray();
        var stale = Capture(() => log.AppendAsync(grains[0], Stream, 1, Events(1, "stale")));
        var gap = Capture(() => log.AppendAsync(grains[1], Stream, 5, Events(1, "gap")));
        var sameStreamAgain = Capture(() => log.AppendAsync(grains[2], Stream, 2, Events(1, "twice")));
        log.Batcher.Release();

        await Task.WhenAll(good);
        Assert.IsType<InconsistentStateException>(await stale);
        Assert.IsType<InconsistentStateException>(await gap);
        Assert.IsType<InconsistentStateException>(await sameStreamAgain);

        // Detected by the guard's row count: no error, so no re-run.
        Assert.Equal(1, log.Batcher.Batches - batchesBefore);
        foreach (var grain in grains)
        {
            Assert.Equal(["base0", "base1", "next0"], (await log.ReadAsync(grain, Stream, 0)).Select(Tag));
        }
    }

    [Fact]
    public async Task A_batch_colliding_with_a_concurrent_writer_is_re_run_so_only_the_stale_append_fails()
    {
        var log = (PostgreSqlEventLogStorage)Log;
        var grains = Enumerable.Range(0, 8).Select(_ => NewGrain()).ToArray();
        await Task.WhenAll(grains.Select(g => log.AppendAsync(g, Stream, 0, Events(1, "base"))));

        // Another silo's append to grain 0, not yet committed: invisible to the batch's guard, so the batch's insert
        // waits on the primary key and then fails with a unique violation, rolling the whole batch back.
        await using var intruder = new NpgsqlConnection(TestServers.PostgreSql);
        await intruder.OpenAsync();
        await using var transaction = await intruder.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload) " +
            "VALUES ($1, $2, $3, $4, 2, 'intruder', now(), '{}')", intruder, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
            insert.Parameters.Add(new NpgsqlParameter { Value = grains[0].Type.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grains[0].Key.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Stream });
            await insert.ExecuteNonQueryAsync();
        }

        var batchesBefore = log.Batcher.Batches;
        log.Batcher.Hold();
        var appends = grains.Select(g => Capture(() => log.AppendAsync(g, Stream, 1, Events(2, "next")))).ToArray();
        log.Batcher.Release();
        await WaitUntilBlockedByAsync(intruder.ProcessID);
        await transaction.CommitAsync();

        var results = await Task.WhenAll(appends);
        Assert.IsType<InconsistentStateException>(results[0]);
        Assert.All(results.Skip(1), Assert.Null);
        Assert.Equal(1 + grains.Length, log.Batcher.Batches - batchesBefore);
        Assert.Equal(["base0", "intruder"], (await log.ReadAsync(grains[0], Stream, 0)).Select(Tag));
        foreach (var grain in grains.Skip(1))
        {
            Assert.Equal(["base0", "next0", "next1"], (await log.ReadAsync(grain, Stream, 0)).Select(Tag));
        }
    }

    [Fact]
    public async Task Append_fails_and_is_not_acknowledged_when_the_database_is_unreachable()
    {
        // Port 1 refuses connections: the append must surface the error, never report success.
        await using var log = new PostgreSqlEventLogStorage(Options("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2", _serviceId));

        await Assert.ThrowsAnyAsync<Exception>(() => log.AppendAsync(NewGrain(), Stream, 0, Events(1, "e")));
    }

    [Fact]
    public async Task Reports_group_a_lots_events_by_local_hour_from_sql()
    {
        var lot = NewGrain();
        await Log.AppendAsync(lot, Stream, 0, ReportDay);

        const string sql = """
            SELECT to_char(date_trunc('hour', occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD HH24'),
                   count(*) FILTER (WHERE kind = 'VehicleEntered'),
                   coalesce(sum((payload->>'amount')::bigint) FILTER (WHERE kind = 'PaymentCaptured'), 0)
            FROM event_log
            WHERE service_id = $1 AND grain_type = 'lot' AND kind IN ('VehicleEntered', 'PaymentCaptured')
              AND occurred_at >= $2 AND occurred_at < $3 AND grain_key = $4
            GROUP BY 1 ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(TestServers.PostgreSql);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = ReportDayStart.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = ReportDayStart.AddDays(1).ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = lot.Key.ToString() });
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

    [Fact]
    public async Task Four_providers_migrating_a_fresh_schema_concurrently_apply_each_script_once()
    {
        var schema = "evmig_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = NpgsqlDataSource.Create(TestServers.PostgreSql);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { SearchPath = schema }.ToString();
            var providers = Enumerable.Range(0, 4).Select(_ => new PostgreSqlEventLogStorage(Options(connectionString, _serviceId))).ToArray();
            try
            {
                await Task.WhenAll(providers.Select(p => Task.Run(() => p.InitializeAsync())));
                await Task.WhenAll(providers.Select(p => p.InitializeAsync()));
                await Task.WhenAll(providers.Select((p, i) => p.AppendAsync(GrainId.Create("lot", $"l{i}"), Stream, 0, Events(1, "e"))));
            }
            finally
            {
                foreach (var provider in providers)
                {
                    await provider.DisposeAsync();
                }
            }

            // A later start (a restarted silo) is a no-op.
            await using (var again = new PostgreSqlEventLogStorage(Options(connectionString, _serviceId)))
            {
                await again.InitializeAsync();
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations WHERE component = 'event_log'", connection);
            Assert.Equal((long)PostgreSqlEventLogStorage.Migrations.Count, (long)(await count.ExecuteScalarAsync())!);
            await using var rows = new NpgsqlCommand("SELECT COUNT(*) FROM event_log", connection);
            Assert.Equal(4L, (long)(await rows.ExecuteScalarAsync())!);
            await using var index = new NpgsqlCommand("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = 'event_log_report_ix'", connection);
            index.Parameters.Add(new NpgsqlParameter { Value = schema });
            Assert.Equal(1L, (long)(await index.ExecuteScalarAsync())!);
        }
        finally
        {
            await admin.CreateCommand($"DROP SCHEMA {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }

    protected override Task<IEventLogStorage> CreateSiloLogAsync() =>
        Task.FromResult<IEventLogStorage>(new PostgreSqlEventLogStorage(Options(TestServers.PostgreSql, _serviceId)));

    protected override Task<IEventLogStorage> CreateOtherServiceLogAsync() =>
        Task.FromResult<IEventLogStorage>(new PostgreSqlEventLogStorage(Options(TestServers.PostgreSql, TestServers.UniqueId("pg-log-other"))));

    private static PostgreSqlEventLogOptions Options(string connectionString, string serviceId) =>
        new() { ConnectionString = connectionString, ServiceId = serviceId };

    private static async Task WaitUntilBlockedByAsync(int blockingPid)
    {
        await using var connection = new NpgsqlConnection(TestServers.PostgreSql);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = blockingPid });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The batch never waited on the uncommitted append.");
            await Task.Delay(10);
        }
    }
}

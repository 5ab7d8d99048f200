using Npgsql;
using ParkingGrains.Runtime.Storage;
using ParkingGrains.Runtime.Storage.PostgreSql;
using ParkingGrains.Runtime.Tests.Infrastructure;

namespace ParkingGrains.Runtime.Tests.Storage;

public sealed class PostgreSqlGrainStorageTests : GrainStorageContractTests
{
    private readonly string _serviceId = TestServers.UniqueId("pg");

    [Fact]
    public async Task Concurrent_batched_writes_all_land_with_correct_final_versions()
    {
        const int grains = 64;
        const int writes = 50;
        var storage = (PostgreSqlGrainStorage)Storage;
        await storage.InitializeAsync();
        var ids = Enumerable.Range(0, grains).Select(_ => NewGrain()).ToArray();
        var batchesBefore = storage.Batcher.Batches;

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var state = new GrainState<TestState>(new TestState());
            for (var i = 1; i <= writes; i++)
            {
                state.State.Count = i;
                await storage.WriteStateAsync("state", id, state);
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), state.ETag);
            }
        })));

        foreach (var id in ids)
        {
            var read = await ReadAsync(id);
            Assert.Equal(writes, read.State.Count);
            Assert.Equal("50", read.ETag);
        }

        // Group commit happened: far fewer round trips than writes.
        Assert.True(storage.Batcher.Batches - batchesBefore < grains * writes / 2, $"{storage.Batcher.Batches - batchesBefore} batches for {grains * writes} writes");
    }

    [Fact]
    public async Task A_stale_writer_in_a_batch_fails_alone()
    {
        var storage = (PostgreSqlGrainStorage)Storage;
        var ids = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        var states = ids.Select(_ => new GrainState<TestState>(new TestState { Count = 1 })).ToArray();
        await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync("state", id, states[i])));
        var stale = new GrainState<TestState>(new TestState { Count = -1 }) { ETag = "1" };
        var staleFirstInsert = new GrainState<TestState>(new TestState { Count = -2 });

        // Bump grain 0 so "1" is stale, then build one batch holding every write.
        await storage.WriteStateAsync("state", ids[0], states[0]);
        var batchesBefore = storage.Batcher.Batches;
        storage.Batcher.Hold();
        var good = ids.Select((id, i) =>
        {
            states[i].State.Count = 100 + i;
            return storage.WriteStateAsync("state", id, states[i]);
        }).ToArray();
        var staleWrite = Capture(() => storage.WriteStateAsync("state", ids[0], stale));
        var staleInsert = Capture(() => storage.WriteStateAsync("state", ids[1], staleFirstInsert));
        storage.Batcher.Release();

        await Task.WhenAll(good);
        Assert.IsType<InconsistentStateException>(await staleWrite);
        Assert.IsType<InconsistentStateException>(await staleInsert);
        Assert.Equal(1, storage.Batcher.Batches - batchesBefore);
        Assert.Equal("1", stale.ETag);
        for (var i = 0; i < ids.Length; i++)
        {
            var read = await ReadAsync(ids[i]);
            Assert.Equal(100 + i, read.State.Count);
            Assert.Equal(states[i].ETag, read.ETag);
        }
    }

    [Fact]
    public async Task Two_writes_to_one_row_in_one_batch_apply_in_order()
    {
        var storage = (PostgreSqlGrainStorage)Storage;
        var grain = NewGrain();
        var current = new GrainState<TestState>(new TestState { Count = 1 });
        await storage.WriteStateAsync("state", grain, current);
        var duplicate = new GrainState<TestState>(new TestState { Count = 3 }) { ETag = current.ETag };

        storage.Batcher.Hold();
        current.State.Count = 2;
        var first = Capture(() => storage.WriteStateAsync("state", grain, current));
        var second = Capture(() => storage.WriteStateAsync("state", grain, duplicate));
        storage.Batcher.Release();

        Assert.Null(await first);
        Assert.IsType<InconsistentStateException>(await second);
        Assert.Equal(2, (await ReadAsync(grain)).State.Count);
    }

    [Fact]
    public async Task Services_sharing_a_database_do_not_see_each_other()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("state", grain, new GrainState<TestState>(new TestState { Count = 1 }));
        await using var other = new PostgreSqlGrainStorage(Options(TestServers.PostgreSql, TestServers.UniqueId("pg-other")));

        var read = new GrainState<TestState>(new TestState());
        await other.ReadStateAsync("state", grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Write_fails_and_is_not_acknowledged_when_the_database_is_unreachable()
    {
        // Port 1 refuses connections: the write must surface the error, never report success.
        await using var storage = new PostgreSqlGrainStorage(Options("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2", _serviceId));
        var state = new GrainState<TestState>(new TestState());

        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteStateAsync("state", NewGrain(), state));

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Four_providers_migrating_a_fresh_schema_concurrently_apply_each_script_once()
    {
        var schema = "mig_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(TestServers.PostgreSql, $"CREATE SCHEMA {schema}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { SearchPath = schema }.ToString();
            var providers = Enumerable.Range(0, 4).Select(_ => new PostgreSqlGrainStorage(Options(connectionString, _serviceId))).ToArray();
            try
            {
                await Task.WhenAll(providers.Select(p => Task.Run(() => p.InitializeAsync())));
                await Task.WhenAll(providers.Select(p => p.InitializeAsync()));
                await Task.WhenAll(providers.Select((p, i) =>
                    p.WriteStateAsync("state", new GrainId("slot", $"s{i}"), new GrainState<TestState>(new TestState { Count = i }))));
            }
            finally
            {
                foreach (var provider in providers)
                {
                    await provider.DisposeAsync();
                }
            }

            // A later start (a restarted silo) is a no-op.
            await using (var again = new PostgreSqlGrainStorage(Options(connectionString, _serviceId)))
            {
                await again.InitializeAsync();
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations WHERE component = 'grain_storage'", connection);
            Assert.Equal((long)PostgreSqlGrainStorage.Migrations.Count, (long)(await count.ExecuteScalarAsync())!);
            await using var rows = new NpgsqlCommand("SELECT COUNT(*) FROM grain_state", connection);
            Assert.Equal(4L, (long)(await rows.ExecuteScalarAsync())!);
        }
        finally
        {
            await ExecuteAsync(TestServers.PostgreSql, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    protected override Task<IGrainStorage> CreateSiloStorageAsync() =>
        Task.FromResult<IGrainStorage>(new PostgreSqlGrainStorage(Options(TestServers.PostgreSql, _serviceId)));

    private static PostgreSqlStorageOptions Options(string connectionString, string serviceId) =>
        new() { ConnectionString = connectionString, ServiceId = serviceId };

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

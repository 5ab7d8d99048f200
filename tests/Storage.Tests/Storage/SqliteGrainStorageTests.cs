using Microsoft.Data.Sqlite;
using Orleans.Storage;
using ParkingGrains.Storage.GrainState.Sqlite;

namespace ParkingGrains.Storage.Tests.Storage;

public sealed class SqliteGrainStorageTests : GrainStorageContractTests
{
    private readonly TempSqliteFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("sqlite");

    [Fact]
    public async Task State_survives_disposing_and_reopening_the_provider()
    {
        var grain = NewGrain();
        string? eTag;
        await using (var first = NewProvider())
        {
            var state = new GrainState<TestState>(new TestState { Plate = "30F-999.99", Status = TestSlotStatus.Occupied });
            await first.WriteStateAsync("state", grain, state);
            state.State!.Count = 2;
            await first.WriteStateAsync("state", grain, state);
            eTag = state.ETag;
        }

        await using var reopened = NewProvider();
        var read = new GrainState<TestState>(new TestState());
        await reopened.ReadStateAsync("state", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(eTag, read.ETag);
        Assert.Equal("30F-999.99", read.State!.Plate);
        Assert.Equal(TestSlotStatus.Occupied, read.State!.Status);
        Assert.Equal(2, read.State!.Count);

        // The reopened provider continues the version sequence.
        read.State!.Count = 3;
        await reopened.WriteStateAsync("state", grain, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_migrations_are_recorded_once()
    {
        await using (var a = NewProvider())
        {
            await a.InitializeAsync();
        }

        await using (var b = NewProvider())
        {
            await b.InitializeAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE component = 'grain_storage'";
        Assert.Equal(SqliteGrainStorage.Migrations.Count, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Four_providers_initializing_one_fresh_file_concurrently_all_succeed()
    {
        using var fresh = new TempSqliteFile();
        var providers = Enumerable.Range(0, 4)
            .Select(_ => new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = fresh.ConnectionString, ServiceId = _serviceId }))
            .ToArray();
        try
        {
            await Task.WhenAll(providers.Select(p => Task.Run(() => p.InitializeAsync())));
            await Task.WhenAll(providers.Select((p, i) =>
                p.WriteStateAsync("state", GrainId.Create("slot", $"s{i}"), new GrainState<TestState>(new TestState { Count = i }))));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Concurrent_writes_are_group_committed()
    {
        var storage = (SqliteGrainStorage)Storage;
        await storage.InitializeAsync();
        var ids = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        var batchesBefore = storage.Batcher.Batches;

        storage.Batcher.Hold();
        var writes = ids.Select(id => storage.WriteStateAsync("state", id, new GrainState<TestState>(new TestState { Count = 1 }))).ToArray();
        storage.Batcher.Release();
        await Task.WhenAll(writes);

        Assert.Equal(1, storage.Batcher.Batches - batchesBefore);
    }

    protected override Task<IGrainStorage> CreateSiloStorageAsync() => Task.FromResult<IGrainStorage>(NewProvider());

    protected override Task DisposeBackingAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    private SqliteGrainStorage NewProvider() =>
        new(new SqliteStorageOptions { ConnectionString = _file.ConnectionString, ServiceId = _serviceId });
}

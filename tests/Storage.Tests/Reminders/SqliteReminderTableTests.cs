using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.Storage.Reminders.Sqlite;
using ParkingGrains.Storage.Tests.Storage;

namespace ParkingGrains.Storage.Tests.Reminders;

public sealed class SqliteReminderTableTests : ReminderTableContractTests
{
    private readonly TempSqliteFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("sqlite-rem");

    [Fact]
    public async Task Rows_survive_reopening_and_other_services_are_invisible()
    {
        var grain = GrainId.Create("session", "S-9");
        var eTag = await UpsertAsync(Entry(grain, "expire", DateTime.UnixEpoch.AddDays(20000), TimeSpan.FromHours(1)));

        await using (var reopened = new SqliteReminderTable(Options(_serviceId)))
        {
            Assert.Equal(eTag, (await reopened.ReadRow(grain, "expire"))?.ETag);
        }

        await using var other = new SqliteReminderTable(Options(TestServers.UniqueId("sqlite-rem-other")));
        Assert.Empty((await other.ReadRows(0, 0)).Reminders);
        Assert.Null(await other.ReadRow(grain, "expire"));
        Assert.False(await other.RemoveRow(grain, "expire", eTag));

        // Clearing is per service too.
        await other.TestOnlyClearTable();
        Assert.NotNull(await Table.ReadRow(grain, "expire"));
    }

    [Fact]
    public async Task Reminders_and_grain_state_share_one_file()
    {
        await using (var storage = new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = _file.ConnectionString, ServiceId = _serviceId }))
        {
            await storage.WriteStateAsync("state", GrainId.Create("slot", "S-1"), new GrainState<TestState>(new TestState { Count = 1 }));
        }

        await UpsertAsync(Entry(GrainId.Create("slot", "S-1"), "tick", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var components = connection.CreateCommand();
        components.CommandText = "SELECT component, COUNT(*) FROM schema_migrations GROUP BY component ORDER BY component";
        await using var reader = await components.ExecuteReaderAsync();
        var applied = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            applied.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        Assert.Equal(
            [(SqliteGrainStorage.MigrationComponent, (long)SqliteGrainStorage.Migrations.Count), (SqliteReminderTable.MigrationComponent, (long)SqliteReminderTable.Migrations.Count)],
            applied);
    }

    [Fact]
    public async Task Writes_waiting_for_the_file_lock_do_not_block_the_caller()
    {
        // Orleans calls the table on its scheduler. Microsoft.Data.Sqlite's async calls are synchronous, so a write
        // waiting on SQLite's lock (busy_timeout) would hold that thread unless the table moves it off.
        var grain = GrainId.Create("gate", "G-lock");
        var eTag = await UpsertAsync(Entry(grain, "r", Start(), TimeSpan.FromMinutes(1)));

        await using var holder = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var upsert = Table.UpsertRow(Entry(grain, "other", Start(), TimeSpan.FromMinutes(1)));
        var remove = Table.RemoveRow(grain, "r", eTag);
        var returnedAfter = watch.Elapsed;

        Assert.True(returnedAfter < TimeSpan.FromSeconds(1), $"The calls held the caller for {returnedAfter}.");
        Assert.False(upsert.IsCompleted);
        Assert.False(remove.IsCompleted);

        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await Task.WhenAll(upsert, remove).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(await upsert);
        Assert.True(await remove);
    }

    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new SqliteReminderTable(Options(_serviceId)));

    protected override Task DisposeBackingAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    private static DateTime Start() => new(2026, 11, 21, 8, 30, 15, DateTimeKind.Utc);

    private SqliteReminderTableOptions Options(string serviceId) => new() { ConnectionString = _file.ConnectionString, ServiceId = serviceId };
}

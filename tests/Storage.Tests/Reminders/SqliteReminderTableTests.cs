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

    [Fact]
    public async Task ARowThatCannotBeReadOrScheduled_IsSkipped_AndTheOthersAreStillRead()
    {
        // Issue 9, finding 3: one reminder due in 9999 made every read of the table fail, so no reminder ran after a restart.
        var good = GrainId.Create("lot", "L-good");
        await UpsertAsync(Entry(good, "reservations", DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        var far = GrainId.Create("lot", "L-far");
        await UpsertAsync(Entry(far, "reservations", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        await using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var corrupt = connection.CreateCommand();
            corrupt.CommandText =
                "UPDATE grain_reminders SET start_at = $far WHERE service_id = $service AND grain_id = $grain;" +
                "INSERT INTO grain_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, version) VALUES " +
                "($service, 'not a grain id', 'r', 7, 0, 60000, 1000)," +
                "($service, 'lot/L-overflow', 'r', 8, $overflow, 60000, 1001)," +
                "($service, 'lot/L-period', 'r', 9, 0, -5, 1002);";
            corrupt.Parameters.AddWithValue("$far", (new DateTime(9999, 12, 30, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond);
            corrupt.Parameters.AddWithValue("$overflow", long.MaxValue);
            corrupt.Parameters.AddWithValue("$service", _serviceId);
            corrupt.Parameters.AddWithValue("$grain", far.ToString());
            Assert.Equal(4, await corrupt.ExecuteNonQueryAsync());
        }

        Assert.Equal([good], (await Table.ReadRows(0, 0)).Reminders.Select(r => r.GrainId));
        Assert.Null(await Table.ReadRow(far, "reservations"));
        Assert.NotNull(await Table.ReadRow(good, "reservations"));

        // Registering it again (as the lot does with a clamped due time) repairs the row.
        await UpsertAsync(Entry(far, "reservations", DateTime.UtcNow.AddDays(45), TimeSpan.FromMinutes(1)));
        Assert.NotNull(await Table.ReadRow(far, "reservations"));
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

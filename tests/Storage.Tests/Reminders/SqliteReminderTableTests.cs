using ParkingGrains.Runtime.Reminders;
using ParkingGrains.Runtime.Reminders.Sqlite;
using ParkingGrains.Runtime.Tests.Infrastructure;
using ParkingGrains.Runtime.Tests.Storage;

namespace ParkingGrains.Runtime.Tests.Reminders;

public sealed class SqliteReminderTableTests : ReminderTableContractTests
{
    private readonly TempSqliteFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("sqlite-rem");

    [Fact]
    public async Task Rows_survive_reopening_and_other_services_are_invisible()
    {
        var grain = new GrainId("session", "S-9");
        var eTag = await Table.UpsertRowAsync(new ReminderEntry
        {
            GrainId = grain,
            ReminderName = "expire",
            StartAt = DateTimeOffset.UnixEpoch.AddDays(20000),
            Period = TimeSpan.FromHours(1),
        });

        await using (var reopened = new SqliteReminderTable(Options(_serviceId)))
        {
            Assert.Equal(eTag, (await reopened.ReadRowAsync(grain, "expire"))?.ETag);
        }

        await using var other = new SqliteReminderTable(Options(TestServers.UniqueId("sqlite-rem-other")));
        Assert.Empty(await other.ReadRowsAsync(0, 0));
    }

    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new SqliteReminderTable(Options(_serviceId)));

    protected override Task DisposeBackingAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    private SqliteReminderTableOptions Options(string serviceId) => new() { ConnectionString = _file.ConnectionString, ServiceId = serviceId };
}

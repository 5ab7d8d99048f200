using ParkingGrains.History;
using ParkingGrains.Storage.EventLog.Sqlite;
using Xunit.Abstractions;

namespace ParkingGrains.Grains.Tests.History;

[Collection(HistoryScaleCollection.Name)]
public sealed class SqliteHistoryScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AMonthOfTenLots_ReportsWithinFiveSeconds()
    {
        using var file = new TempDatabaseFile();
        var serviceId = TestServers.UniqueId("scale");
        await using (var log = new SqliteEventLogStorage(new SqliteEventLogOptions { ConnectionString = file.ConnectionString, ServiceId = serviceId }))
        {
            await log.InitializeAsync();
        }

        await SyntheticHistory.InsertSqliteAsync(file.ConnectionString, serviceId);
        var history = new SqliteParkingHistory(file.ConnectionString, serviceId);
        await HistoryScale.MeasureAsync(history, output, "SQLite");
    }
}

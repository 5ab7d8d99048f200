using ParkingGrains.Grains.History;
using ParkingGrains.Runtime.EventLog.PostgreSql;
using Xunit.Abstractions;

namespace ParkingGrains.Grains.Tests.History;

public sealed class PostgreSqlHistoryScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AMonthOfTenLots_ReportsWithinFiveSeconds()
    {
        var serviceId = TestServers.UniqueId("scale");
        await using (var log = new PostgreSqlEventLogStorage(new PostgreSqlEventLogOptions { ConnectionString = TestServers.PostgreSql, ServiceId = serviceId }))
        {
            await log.InitializeAsync();
        }

        await SyntheticHistory.InsertPostgreSqlAsync(TestServers.PostgreSql, serviceId);
        await using var history = new PostgreSqlParkingHistory(TestServers.PostgreSql, serviceId);
        await HistoryScale.MeasureAsync(history, output, "PostgreSQL");
    }
}

using Npgsql;
using ParkingGrains.History;
using ParkingGrains.Storage.EventLog.PostgreSql;
using Xunit.Abstractions;

namespace ParkingGrains.Grains.Tests.History;

[Collection(HistoryScaleCollection.Name)]
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

        try
        {
            await SyntheticHistory.InsertPostgreSqlAsync(TestServers.PostgreSql, serviceId);
            await using var history = new PostgreSqlParkingHistory(TestServers.PostgreSql, serviceId);
            await HistoryScale.MeasureAsync(history, output, "PostgreSQL");
        }
        finally
        {
            // 100k rows per run would pile up in the shared test server.
            await using var connection = new NpgsqlConnection(TestServers.PostgreSql);
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM event_log WHERE service_id = $1", connection);
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            await delete.ExecuteNonQueryAsync();
        }
    }
}

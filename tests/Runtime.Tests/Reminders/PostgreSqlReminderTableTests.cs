using Npgsql;
using ParkingGrains.Runtime.Reminders;
using ParkingGrains.Runtime.Reminders.PostgreSql;
using ParkingGrains.Runtime.Tests.Infrastructure;

namespace ParkingGrains.Runtime.Tests.Reminders;

public sealed class PostgreSqlReminderTableTests : ReminderTableContractTests
{
    private readonly string _serviceId = TestServers.UniqueId("pg-rem");

    [Fact]
    public async Task Services_sharing_a_database_do_not_see_each_other()
    {
        await Table.UpsertRowAsync(new ReminderEntry
        {
            GrainId = new GrainId("lot", "L-1"),
            ReminderName = "report",
            StartAt = DateTimeOffset.UnixEpoch,
            Period = TimeSpan.FromDays(1),
        });

        await using var other = new PostgreSqlReminderTable(Options(TestServers.PostgreSql, TestServers.UniqueId("pg-rem-other")));

        Assert.Empty(await other.ReadRowsAsync(0, 0));
        Assert.Single(await Table.ReadRowsAsync(0, 0));
    }

    [Fact]
    public async Task Four_tables_migrating_a_fresh_schema_concurrently_apply_each_script_once()
    {
        var schema = "rem_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = NpgsqlDataSource.Create(TestServers.PostgreSql);
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgreSql) { SearchPath = schema }.ToString();
            var tables = Enumerable.Range(0, 4).Select(_ => new PostgreSqlReminderTable(Options(connectionString, _serviceId))).ToArray();
            try
            {
                await Task.WhenAll(tables.Select(t => Task.Run(() => t.InitializeAsync())));
            }
            finally
            {
                foreach (var table in tables)
                {
                    await table.DisposeAsync();
                }
            }

            await using var count = admin.CreateCommand($"SELECT COUNT(*) FROM {schema}.schema_migrations WHERE component = 'reminders'");
            Assert.Equal((long)PostgreSqlReminderTable.Migrations.Count, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await using var drop = admin.CreateCommand($"DROP SCHEMA {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(new PostgreSqlReminderTable(Options(TestServers.PostgreSql, _serviceId)));

    private static PostgreSqlReminderTableOptions Options(string connectionString, string serviceId) =>
        new() { ConnectionString = connectionString, ServiceId = serviceId };
}

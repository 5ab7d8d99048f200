using Orleans.Hosting;
using Orleans.TestingHost;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Tests.PostgreSql.TestGrains;

namespace ParkingGrains.Storage.Tests.PostgreSql;

/// <summary>The real AdoNet reminder table on our schema, inside a one-silo cluster.</summary>
[Collection(OrleansClusterCollection.Name)]
public sealed class PostgreSqlRemindersTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private PostgreSqlTestDatabase _db = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgreSqlTestDatabase.CreateAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        var connectionString = _db.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo
            .UsePostgreSqlReminders(connectionString)
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = Period));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_reminder_is_stored_and_fires_until_unregistered()
    {
        var grain = _cluster.Client.GetGrain<IReminderTestGrain>("gate-1");

        await grain.StartAsync(Period);

        Assert.Equal(1L, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = '{ReminderTestGrain.ReminderName}' AND Period = {(long)Period.TotalMilliseconds}"));
        Assert.Contains("gate-1", await _db.ScalarAsync<string>("SELECT GrainId FROM OrleansRemindersTable"), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await grain.GetTicksAsync() < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(await grain.GetTicksAsync() >= 2, $"only {await grain.GetTicksAsync()} ticks in 30 s");

        await grain.StopAsync();
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable"));
    }
}

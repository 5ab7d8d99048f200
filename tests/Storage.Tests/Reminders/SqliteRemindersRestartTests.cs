using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Storage.Reminders.Sqlite;
using ParkingGrains.Storage.Tests.Storage;

namespace ParkingGrains.Storage.Tests.Reminders;

/// <summary>"SQLite reminders across a restart": a reminder registered on one silo fires on a new silo over the same file.</summary>
public sealed class SqliteRemindersRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempSqliteFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("reminders-restart");
    private readonly string _clusterId = TestServers.UniqueId("cluster");
    private readonly List<InProcessTestCluster> _clusters = [];

    // A folder that does not exist yet: the providers create it on first open.
    private string ConnectionString => $"Data Source={Path.Combine(Path.GetDirectoryName(_file.Path)!, "not", "yet", "grains.db")}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        _file.Dispose();
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_on_the_new_silo()
    {
        const string key = "probe-1";
        int ticksBeforeRestart;
        var first = await StartSiloAsync();
        try
        {
            var services = first.GetSiloServiceProvider();
            Assert.IsType<SqliteReminderTable>(services.GetRequiredService<IReminderTable>());
            Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("Default"));

            await first.Client.GetGrain<IReminderProbeGrain>(key).StartTicking(Period);
            await services.GetRequiredService<ReminderTickLog>().WaitForTicksAsync(key, 1, Deadline);
            ticksBeforeRestart = await first.Client.GetGrain<IReminderProbeGrain>(key).GetTicks();
            Assert.True(ticksBeforeRestart >= 1);
        }
        finally
        {
            await first.StopAllSilosAsync();
        }

        // The row is in the file under the cluster's ServiceId, so only the table can bring it back.
        await using (var table = new SqliteReminderTable(new SqliteReminderTableOptions { ConnectionString = ConnectionString, ServiceId = _serviceId }))
        {
            Assert.NotNull(await table.ReadRow(GrainId.Create("reminderprobe", key), ReminderProbeGrain.ReminderName));
        }

        // Nothing re-registers the reminder on the second silo: it must load it from the table and fire.
        var second = await StartSiloAsync();
        await second.GetSiloServiceProvider().GetRequiredService<ReminderTickLog>().WaitForTicksAsync(key, 1, Deadline);

        // The count persisted by the first silo's activation carried over through the SQLite grain storage.
        Assert.True(await second.Client.GetGrain<IReminderProbeGrain>(key).GetTicks() > ticksBeforeRestart);
    }

    private async Task<InProcessTestCluster> StartSiloAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.Options.ClusterId = _clusterId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddSqliteGrainStorage("Default", ConnectionString)
            .UseSqliteReminders(ConnectionString)
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = Period)
            .ConfigureServices(services => services.AddSingleton<ReminderTickLog>()));
        var cluster = builder.Build();
        _clusters.Add(cluster);
        await cluster.DeployAsync();
        return cluster;
    }
}

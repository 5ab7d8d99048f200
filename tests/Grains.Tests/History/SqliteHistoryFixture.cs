using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using ParkingGrains.History;
using ParkingGrains.Storage.GrainState.Sqlite;
using ParkingGrains.Storage.Hosting;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>One cluster on a SQLite file (grain state and event log) that ran <see cref="HistoryScenario"/>, and the history reading it.</summary>
public sealed class SqliteHistoryFixture : IAsyncLifetime
{
    private readonly TempDatabaseFile _file = new();
    private readonly string _serviceId = TestServers.UniqueId("hist");
    private InProcessTestCluster? _cluster;

    public SqliteParkingHistory History { get; private set; } = null!;

    /// <summary>A history over the same file whose present is <paramref name="time"/>.</summary>
    public SqliteParkingHistory HistoryAt(TimeProvider time) => new(_file.ConnectionString, _serviceId, time);

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync(serviceId: _serviceId, configure: b =>
        {
            b.Services.AddGrainStorage("Default", (_, _) => new SqliteGrainStorage(new SqliteStorageOptions { ConnectionString = _file.ConnectionString, ServiceId = _serviceId }));
            b.AddSqliteEventLog("Default", _file.ConnectionString);
        });
        await HistoryScenario.RunAsync(_cluster.Client);
        History = new SqliteParkingHistory(_file.ConnectionString, _serviceId);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _file.Dispose();
    }
}

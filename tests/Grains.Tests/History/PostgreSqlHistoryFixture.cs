using Orleans.TestingHost;
using ParkingGrains.History;
using ParkingGrains.Storage.Hosting;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// One cluster whose event log is on PostgreSQL that ran <see cref="HistoryScenario"/>, and the history reading it.
/// Grain state stays in the cluster's shared memory storage: the reports read only the event log.
/// </summary>
public sealed class PostgreSqlHistoryFixture : IAsyncLifetime
{
    private readonly List<PostgreSqlParkingHistory> _others = [];
    private readonly string _serviceId = TestServers.UniqueId("hist");
    private InProcessTestCluster? _cluster;

    public PostgreSqlParkingHistory History { get; private set; } = null!;

    /// <summary>A history over the same database whose present is <paramref name="time"/> (disposed with the fixture).</summary>
    public PostgreSqlParkingHistory HistoryAt(TimeProvider time)
    {
        var history = new PostgreSqlParkingHistory(TestServers.PostgreSql, _serviceId, time);
        lock (_others)
        {
            _others.Add(history);
        }

        return history;
    }

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync(serviceId: _serviceId, configure: b => b.AddPostgreSqlEventLog("Default", TestServers.PostgreSql));
        await HistoryScenario.RunAsync(_cluster.Client);
        History = new PostgreSqlParkingHistory(TestServers.PostgreSql, _serviceId);
    }

    public async Task DisposeAsync()
    {
        if (History is not null)
        {
            await History.DisposeAsync();
        }

        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

using ParkingGrains.History;
using ParkingGrains.Runtime.Testing;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>One cluster on PostgreSQL (grain state and event log) that ran <see cref="HistoryScenario"/>, and the history reading it.</summary>
public sealed class PostgreSqlHistoryFixture : IAsyncLifetime
{
    private readonly List<PostgreSqlParkingHistory> _others = [];
    private TestCluster? _cluster;
    private string _serviceId = "";

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
        var serviceId = _serviceId = TestServers.UniqueId("hist");
        _cluster = await StartAsync(configure: b => b
            .Configure(o => o.ServiceId = serviceId)
            .AddPostgreSqlGrainStorage("Default", TestServers.PostgreSql)
            .AddPostgreSqlEventLog("Default", TestServers.PostgreSql));
        await HistoryScenario.RunAsync(_cluster.GrainFactory);
        History = new PostgreSqlParkingHistory(TestServers.PostgreSql, serviceId);
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

using ParkingGrains.History;
using ParkingGrains.Runtime.Testing;
using static ParkingGrains.Grains.Tests.Infrastructure.DomainCluster;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>One cluster on a SQLite file (grain state and event log) that ran <see cref="HistoryScenario"/>, and the history reading it.</summary>
public sealed class SqliteHistoryFixture : IAsyncLifetime
{
    private readonly TempDatabaseFile _file = new();
    private TestCluster? _cluster;
    private string _serviceId = "";

    public SqliteParkingHistory History { get; private set; } = null!;

    /// <summary>A history over the same file whose present is <paramref name="time"/>.</summary>
    public SqliteParkingHistory HistoryAt(TimeProvider time) => new(_file.ConnectionString, _serviceId, time);

    public async Task InitializeAsync()
    {
        var serviceId = _serviceId = TestServers.UniqueId("hist");
        _cluster = await StartAsync(configure: b => b
            .Configure(o => o.ServiceId = serviceId)
            .AddSqliteGrainStorage("Default", _file.ConnectionString)
            .AddSqliteEventLog("Default", _file.ConnectionString));
        await HistoryScenario.RunAsync(_cluster.GrainFactory);
        History = new SqliteParkingHistory(_file.ConnectionString, serviceId);
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

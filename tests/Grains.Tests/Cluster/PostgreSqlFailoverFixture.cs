using Orleans.TestingHost;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.Grains.Tests.Infrastructure;

namespace ParkingGrains.Grains.Tests.Cluster;

/// <summary>
/// Three silos writing the lot event log to PostgreSQL, tuned to notice a killed silo within seconds. Its tests kill
/// and restart silos, so the cluster is theirs alone. Grain state and reminders are the cluster's shared in-memory
/// ones, which outlive silos as the database would.
/// </summary>
public sealed class PostgreSqlFailoverFixture : IAsyncLifetime
{
    public string ServiceId { get; } = TestServers.UniqueId("lots");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await DomainCluster.StartAsync(
        silos: 3, serviceId: ServiceId, failover: true, configure: b => b.AddPostgreSqlEventLog("Default", TestServers.PostgreSql));

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

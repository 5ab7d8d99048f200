using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Orleans.TestingHost;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// <see cref="ReportsFixture"/> on a real PostgreSQL server (PARKINGGRAINS_TEST_POSTGRES; without it the tests fail):
/// the event log in PostgreSQL (grain state in memory: reports read only the log), and the web host reading its history
/// from there (Storage:Provider=PostgreSql, same Cluster:ServiceId). Holds only <see cref="ReportScenario"/>; its rows
/// are deleted afterwards so the shared server does not fill up.
/// </summary>
public sealed class PostgreSqlReportsFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The cluster's (a fresh GUID per test cluster): the event log keys its rows by it, so runs never meet.</summary>
    public string ServiceId => Cluster.Options.ServiceId;

    public async Task InitializeAsync()
    {
        var connectionString = TestServers.PostgreSql;
        // Registered after the test cluster's memory event log, so this one is the "Default" the lot grains use.
        Cluster = await ParkingTestCluster.StartAsync(silos: 1, configure: silo => silo.AddPostgreSqlEventLog("Default", connectionString));
        await ReportScenario.RunAsync(Cluster.Client);

        Factory = ClusterWebHost.Create(Cluster.Client, web =>
        {
            web.UseSetting("Cluster:ServiceId", ServiceId);
            web.UseSetting("Auth:AdminPassword", ReportsFixture.AdminPassword);
            web.UseSetting("Storage:Provider", "PostgreSql");
            web.UseSetting("ConnectionStrings:PostgreSql", connectionString);
        });
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Cluster is null)
        {
            return;
        }

        var serviceId = ServiceId;
        await Cluster.DisposeAsync();
        if (Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_POSTGRES") is not { Length: > 0 } connectionString)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM event_log WHERE service_id = $1", connection);
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        await delete.ExecuteNonQueryAsync();
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using ParkingGrains.Grains;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// <see cref="ReportsFixture"/> on a real PostgreSQL server (PARKINGGRAINS_TEST_POSTGRES; without it the tests fail):
/// grain state and event log in PostgreSQL, and the web host reading its history from there
/// (Storage:Provider=PostgreSql, same Cluster:ServiceId). Holds only <see cref="ReportScenario"/>; its rows are
/// deleted afterwards so the shared server does not fill up.
/// </summary>
public sealed class PostgreSqlReportsFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string ServiceId { get; } = TestServers.UniqueId("pgreports");

    public async Task InitializeAsync()
    {
        var connectionString = TestServers.PostgreSql;
        var options = new TestClusterOptions { InitialSiloCount = 1 };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        options.ConfigureSilo = b => b
            .Configure(o => o.ServiceId = ServiceId)
            .AddPostgreSqlGrainStorage("Default", connectionString)
            .AddPostgreSqlEventLog("Default", connectionString);
        Cluster = await TestCluster.StartAsync(options);
        await ReportScenario.RunAsync(Cluster.GrainFactory);

        var gateways = string.Join(',', Cluster.Silos.Select(s => s.GatewayEndpoint!.ToString()));
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:ClusterId", Cluster.ClusterId);
            web.UseSetting("Cluster:ServiceId", ServiceId);
            web.UseSetting("Cluster:Gateways", gateways);
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

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("PARKINGGRAINS_TEST_POSTGRES") is not { Length: > 0 } connectionString)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "event_log", "grain_state" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE service_id = $1", connection);
            delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
            await delete.ExecuteNonQueryAsync();
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ParkingGrains.Grains;
using ParkingGrains.Grains.Tests.History;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// A cluster whose grain state and event log are one SQLite file, and the web host reading its history from the same
/// file (Storage:Provider=Sqlite, same Cluster:ServiceId): what the silo writes is what the reports read. Holds the
/// hand-made <see cref="ReportScenario"/> (March 2026) and the history scale generator's month of 10 lots (June 2026).
/// </summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    public const string AdminPassword = "test-admin-password-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-reports-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string ServiceId { get; } = TestServers.UniqueId("reports");

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "parking.db")}";
        var options = new TestClusterOptions { InitialSiloCount = 1 };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        options.ConfigureSilo = b => b
            .Configure(o => o.ServiceId = ServiceId)
            .AddSqliteGrainStorage("Default", ConnectionString)
            .AddSqliteEventLog("Default", ConnectionString);
        Cluster = await TestCluster.StartAsync(options);
        await ReportScenario.RunAsync(Cluster.GrainFactory);
        await SyntheticHistory.InsertSqliteAsync(ConnectionString, ServiceId);

        var gateways = string.Join(',', Cluster.Silos.Select(s => s.GatewayEndpoint!.ToString()));
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:ClusterId", Cluster.ClusterId);
            web.UseSetting("Cluster:ServiceId", ServiceId);
            web.UseSetting("Cluster:Gateways", gateways);
            web.UseSetting("Auth:AdminPassword", AdminPassword);
            web.UseSetting("Storage:Provider", "Sqlite");
            web.UseSetting("ConnectionStrings:Sqlite", ConnectionString);
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

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked temp file must not fail the run.
        }
    }
}

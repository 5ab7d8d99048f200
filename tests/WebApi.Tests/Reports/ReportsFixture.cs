using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Orleans.TestingHost;
using ParkingGrains.Grains.Tests.History;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>
/// A cluster whose event log is a SQLite file, and the web host reading its history from the same file
/// (Storage:Provider=Sqlite, same Cluster:ServiceId): what the silo writes is what the reports read. Grain state stays
/// in memory, as reports read only the event log. Holds the hand-made <see cref="ReportScenario"/> (March 2026) and
/// the history scale generator's month of 10 lots (June 2026).
/// </summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    public const string AdminPassword = "test-admin-password-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-reports-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The cluster's (a fresh one per test cluster): the event log keys its rows by it.</summary>
    public string ServiceId => Cluster.Options.ServiceId;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "parking.db")}";
        // Registered after the test cluster's memory event log, so this one is the "Default" the lot grains use.
        Cluster = await ParkingTestCluster.StartAsync(silos: 1, configure: silo => silo.AddSqliteEventLog("Default", ConnectionString));
        await ReportScenario.RunAsync(Cluster.Client);
        await SyntheticHistory.InsertSqliteAsync(ConnectionString, ServiceId);

        Factory = ClusterWebHost.Create(Cluster.Client, web =>
        {
            web.UseSetting("Cluster:ServiceId", ServiceId);
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

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.TestingHost;
using ParkingGrains.Grains.Demo;

namespace ParkingGrains.WebApi.Tests.Infrastructure;

/// <summary>
/// The collection fixture of <see cref="ApiCollection"/> (Orleans' DefaultClusterFixture pattern: one cluster per
/// collection, not per test): an in-process Orleans cluster of two silos with the parking grains and the demo lots,
/// and the real web host on its client.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string AdminPassword = "test-admin-password-1";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await ParkingTestCluster.StartAsync(silos: 2);
        await DemoSeeder.SeedAsync(Cluster.Client);
        Factory = ClusterWebHost.Create(Cluster.Client, web => web.UseSetting("Auth:AdminPassword", AdminPassword));
    }

    public HttpClient CreateClient() => Factory.CreateClient();

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
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParkingGrains.Grains;
using ParkingGrains.Grains.Demo;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.WebApi.Tests.Infrastructure;

/// <summary>
/// A real in-process cluster (two silos, the parking grains, demo lots) and the real web host connected to it
/// through the gateways with the cluster client — the shape of a deployment, in one process.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string AdminPassword = "test-admin-password-1";

    public TestCluster Cluster { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new TestClusterOptions { InitialSiloCount = 2 };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        Cluster = await TestCluster.StartAsync(options);
        await DemoSeeder.SeedAsync(Cluster.GrainFactory);
        var gateways = string.Join(',', Cluster.Silos.Select(s => s.GatewayEndpoint!.ToString()));
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:ClusterId", Cluster.ClusterId);
            web.UseSetting("Cluster:Gateways", gateways);
            web.UseSetting("Auth:AdminPassword", AdminPassword);
        });
    }

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using ParkingGrains.Grains;
using ParkingGrains.Runtime.Testing;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>A fresh one-silo cluster (so a fresh user store) for tests about first start; web hosts are started on it on demand.</summary>
public sealed class IsolatedApi : IAsyncDisposable
{
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    private IsolatedApi(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public static async Task<IsolatedApi> StartAsync()
    {
        var options = new TestClusterOptions { InitialSiloCount = 1 };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        return new IsolatedApi(await TestCluster.StartAsync(options));
    }

    /// <summary>A web host on this cluster whose logs go to <paramref name="logs"/>; a null admin password means "not configured".</summary>
    public WebApplicationFactory<Program> StartHost(string? adminPassword, CapturingLoggerProvider logs)
    {
        var gateways = string.Join(',', Cluster.Silos.Select(s => s.GatewayEndpoint!.ToString()));
        var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:ClusterId", Cluster.ClusterId);
            web.UseSetting("Cluster:Gateways", gateways);
            // Empty means unset; set explicitly so an Auth__AdminPassword in the environment cannot leak in.
            web.UseSetting("Auth:AdminPassword", adminPassword ?? "");
            web.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(logs);
            });
        });
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}

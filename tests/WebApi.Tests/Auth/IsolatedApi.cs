using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>A fresh one-silo cluster (so a fresh user store) for tests about first start; web hosts are started on it on demand.</summary>
public sealed class IsolatedApi : IAsyncDisposable
{
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    private IsolatedApi(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public static async Task<IsolatedApi> StartAsync() => new(await ParkingTestCluster.StartAsync(silos: 1));

    /// <summary>A web host on this cluster whose logs go to <paramref name="logs"/>; a null admin password means "not configured".</summary>
    public WebApplicationFactory<Program> StartHost(string? adminPassword, CapturingLoggerProvider logs)
    {
        var host = ClusterWebHost.Create(Cluster.Client, web =>
        {
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

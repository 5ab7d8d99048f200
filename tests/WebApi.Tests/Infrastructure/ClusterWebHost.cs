using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using ParkingGrains.WebApi.Cluster;

namespace ParkingGrains.WebApi.Tests.Infrastructure;

/// <summary>
/// The one way the tests build a web host over an in-process cluster: the real Program with Cluster:Client=External
/// and the test cluster's own client registered, since InProcessTestCluster's in-memory transport has no gateway a
/// second client could reach. Every host on a cluster therefore shares that one client; each still has its own
/// services (throttle counters, token keys, hub observer), so several of them are still several web instances.
/// </summary>
public static class ClusterWebHost
{
    public static WebApplicationFactory<Program> Create(IClusterClient client, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(ClusterClientConfiguration.ClientKey, "External");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton(client);
                services.AddSingleton<IGrainFactory>(client);
            });
            configure?.Invoke(web);
        });

    /// <summary>A host on real Kestrel (loopback, ephemeral port): WebSockets and browsers need a real socket, which TestServer lacks.</summary>
    public static (WebApplicationFactory<Program> Factory, Uri Address) StartOnKestrel(IClusterClient client, Action<IWebHostBuilder>? configure = null)
    {
        var factory = Create(client, web =>
        {
            web.UseSetting("Web:Urls", "http://127.0.0.1:0"); // else Program binds the development port 8080
            configure?.Invoke(web);
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public static async Task StopAsync(WebApplicationFactory<Program> factory)
    {
        try
        {
            await factory.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // With Kestrel the factory stops the host twice and AdminBootstrapService.StopAsync is not idempotent
            // (it cancels a disposed source); the host is down either way.
        }
    }
}

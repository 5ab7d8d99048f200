using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using ParkingGrains.Grains.Interfaces.Calls;

namespace ParkingGrains.Silo.Tests;

/// <summary>An Orleans client of the test, configured like a gate agent's: 5 s response timeout and the idempotent-call retry filter.</summary>
public static class ClusterClients
{
    public static Task<IHost> ConnectRedisAsync(string clusterId, string redis) =>
        ConnectAsync(clusterId, client => client.UseRedisClustering(redis));

    public static Task<IHost> ConnectStaticAsync(string clusterId, params IPEndPoint[] gateways) =>
        ConnectAsync(clusterId, client => client.UseStaticClustering(gateways));

    private static async Task<IHost> ConnectAsync(string clusterId, Action<IClientBuilder> membership)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            membership(client);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.AddOutgoingGrainCallFilter<IdempotentRetryFilter>();
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public static IClusterClient Client(this IHost host) => host.Services.GetRequiredService<IClusterClient>();
}

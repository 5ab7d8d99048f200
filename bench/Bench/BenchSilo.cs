using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Storage.Hosting;

namespace ParkingGrains.Bench;

/// <summary>
/// One Orleans silo in this process, built the way production builds it (UseOrleans with the project's PostgreSQL
/// grain storage, event log and reminders), on free loopback ports and a service id of its own, so every run starts
/// from empty state. <see cref="ConnectClientAsync"/> adds an external client that reaches it over TCP.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly int _gatewayPort;
    private readonly string _serviceId;
    private IHost? _client;

    private BenchSilo(IHost host, int gatewayPort, string serviceId)
    {
        _host = host;
        _gatewayPort = gatewayPort;
        _serviceId = serviceId;
    }

    public string ServiceId => _serviceId;

    /// <summary>Calls made by this process to the silo it hosts: local messages, no network.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(string postgres, string serviceId)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var builder = Host.CreateApplicationBuilder(BenchHostSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new LotOptions());
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: serviceId)
            .AddPostgreSqlGrainStorage("Default", postgres)
            .AddPostgreSqlEventLog("Default", postgres)
            .UsePostgreSqlReminders(postgres));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, gatewayPort, serviceId);
    }

    /// <summary>An Orleans client host in this process that talks to the silo's gateway over loopback TCP.</summary>
    public async Task<IClusterClient> ConnectClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateApplicationBuilder(BenchHostSettings());
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client => client.UseLocalhostClustering(_gatewayPort, serviceId: _serviceId, clusterId: _serviceId));
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        await _host.StopAsync();
        _host.Dispose();
    }

    // The content root is the output folder, not the working directory: the configuration file watcher watches the
    // content root recursively, and the benchmark's PostgreSQL writes its WAL below the repository.
    private static HostApplicationBuilderSettings BenchHostSettings() => new() { ContentRootPath = AppContext.BaseDirectory };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using ParkingGrains.Grains.Interfaces.Calls;

if (args is ["read-plate", ..]) { return await ParkingGrains.GateAgent.Plates.ReadPlateCommand.RunAsync(args[1..], Console.Out, Console.Error); }

// The gate agent's domain work (entry/exit decisions, OCR, offline journal) arrives with the gate agent issue.
// Today it proves the edge → cluster path: an Orleans client through a static gateway list (an edge box needs
// no Redis or PostgreSQL driver), reporting the silos it sees.
var gateways = (args.Length > 0 ? args[0] : "127.0.0.1:30000")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(IPEndPoint.Parse).ToArray();
var clusterId = Environment.GetEnvironmentVariable("Cluster__ClusterId") ?? "parkinggrains";
var builder = Host.CreateApplicationBuilder();
builder.UseOrleansClient(client => client
    .UseStaticClustering(gateways)
    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, Environment.GetEnvironmentVariable("Cluster__ServiceId") ?? clusterId))
    .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.ResponseTimeout)
    .AddOutgoingGrainCallFilter<IdempotentRetryFilter>());
using var host = builder.Build();
await host.StartAsync();
var cluster = host.Services.GetRequiredService<IClusterClient>();
var silos = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
Console.WriteLine($"Gate agent connected to cluster '{clusterId}': {string.Join(", ", silos.Keys)}");
await host.StopAsync();
return 0;

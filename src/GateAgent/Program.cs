using System.Net;
using Microsoft.Extensions.Logging;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Runtime.Client;

// The gate agent's domain work (entry/exit decisions, OCR, offline journal) arrives with the parking-domain issue.
// Today it proves the edge → cluster path: connect through a gateway and report the silos it sees.
var gateway = args.Length > 0 ? IPEndPoint.Parse(args[0]) : new IPEndPoint(IPAddress.Loopback, 30000);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole());
var options = new ClusterClientOptions { ClusterId = Environment.GetEnvironmentVariable("Cluster__ClusterId") ?? "parkinggrains" };
options.Gateways.Add(gateway);
options.InterfaceAssemblies.Add(GrainInterfacesAssembly.Assembly);
await using var client = new ClusterClient(options, loggerFactory);
await client.ConnectAsync();
Console.WriteLine($"Gate agent connected to cluster '{options.ClusterId}': {string.Join(", ", client.ActiveSilos)}");

using System.Net;
using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Runtime.Client;
using ParkingGrains.WebApi;

// Standalone web host for a cluster: reaches the silos through the gateways in Cluster:Gateways (host:port, comma separated).
var builder = WebApplication.CreateBuilder(args);
// Web:Urls, else the standard ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (containers), else localhost:8080 for development.
var standardUrlsSet = builder.Configuration["URLS"] is not null || builder.Configuration["HTTP_PORTS"] is not null;
if ((builder.Configuration["Web:Urls"] ?? (standardUrlsSet ? null : "http://localhost:8080")) is { } urls)
{
    builder.WebHost.UseUrls(urls);
}

builder.Services.AddParkingGrainsClient(options =>
{
    options.ClusterId = builder.Configuration["Cluster:ClusterId"] ?? options.ClusterId;
    var gateways = builder.Configuration["Cluster:Gateways"] ?? "127.0.0.1:30000";
    foreach (var gateway in gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        options.Gateways.Add(ResolveEndpoint(gateway));
    }

    options.InterfaceAssemblies.Add(GrainInterfacesAssembly.Assembly);
});
builder.AddParkingGrainsWebApi();

var app = builder.Build();
app.MapParkingGrainsWebApi();
await app.RunAsync();

static IPEndPoint ResolveEndpoint(string value)
{
    if (IPEndPoint.TryParse(value, out var endpoint))
    {
        return endpoint;
    }

    var colon = value.LastIndexOf(':');
    var host = value[..colon];
    var addresses = Dns.GetHostAddresses(host);
    return new IPEndPoint(addresses.First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork), int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;

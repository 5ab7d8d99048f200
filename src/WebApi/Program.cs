using ParkingGrains.WebApi;
using ParkingGrains.WebApi.Cluster;

// Standalone web host for a cluster: an Orleans client finds the silos through the membership table (Cluster:Membership).
var builder = WebApplication.CreateBuilder(args);
// Web:Urls, else the standard ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (containers), else localhost:8080 for development.
var standardUrlsSet = builder.Configuration["URLS"] is not null || builder.Configuration["HTTP_PORTS"] is not null;
if ((builder.Configuration["Web:Urls"] ?? (standardUrlsSet ? null : "http://localhost:8080")) is { } urls)
{
    builder.WebHost.UseUrls(urls);
}

// Cluster:Client=External: whoever starts this host registers the IClusterClient and IGrainFactory itself (the API
// tests hand in an in-process test cluster's client, which no TCP gateway reaches).
var externalClient = ClusterClientConfiguration.UsesExternalClient(builder.Configuration);
if (!externalClient)
{
    builder.AddParkingGrainsClusterClient();
}

builder.AddParkingGrainsWebApi();

var app = builder.Build();
if (externalClient && (app.Services.GetService<IClusterClient>() is null || app.Services.GetService<IGrainFactory>() is null))
{
    throw new InvalidOperationException($"{ClusterClientConfiguration.ClientKey} is External, but no IClusterClient and IGrainFactory are registered.");
}

app.MapParkingGrainsWebApi();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;

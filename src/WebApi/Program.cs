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

builder.AddParkingGrainsClusterClient();
builder.AddParkingGrainsWebApi();

var app = builder.Build();
app.MapParkingGrainsWebApi();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;

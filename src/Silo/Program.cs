using ParkingGrains.Grains;
using ParkingGrains.Runtime.Hosting;
using ParkingGrains.WebApi;

// A silo process. Providers, ports and cluster come from configuration (appsettings, environment, --Key=Value),
// see README "Configuration". With Web:Enabled=true the web API runs in the same process (development mode).
var builder = WebApplication.CreateBuilder(args);
var webEnabled = builder.Configuration.GetValue("Web:Enabled", false);
if (webEnabled)
{
    builder.WebHost.UseUrls(builder.Configuration["Web:Urls"] ?? "http://localhost:8080");
    builder.AddParkingGrainsWebApi();
}
else
{
    // A silo without the web API serves its TCP ports and a health endpoint (Silo:HealthUrls, default any free port).
    builder.WebHost.UseUrls(builder.Configuration["Silo:HealthUrls"] ?? "http://127.0.0.1:0");
}

builder.Services.AddParkingGrainsSilo(silo => silo
    .UseConfiguration(builder.Configuration)
    .AddGrainAssembly(GrainsAssembly.Assembly));

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
if (webEnabled)
{
    app.MapParkingGrainsWebApi();
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"ParkingGrains is running: {url}");
        }
    });
}

await app.RunAsync();

using ParkingGrains.Runtime;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi;

/// <summary>The web API as a reusable piece: its own Program uses it with a cluster client, the silo co-hosts it.</summary>
public static class WebApiHostExtensions
{
    public static WebApplicationBuilder AddParkingGrainsWebApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddParkingGrainsAuth();
        return builder;
    }

    public static WebApplication MapParkingGrainsWebApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseParkingGrainsAuth();
        app.MapParkingGrainsAuth();
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
            "<title>ParkingGrains</title></head><body><h1>ParkingGrains</h1><p>The cluster is up. The dashboard arrives with the web API issue.</p></body></html>",
            "text/html"));
        app.MapGet("/api/health", (IClusterClient client) => Results.Ok(new { status = "ok", activeSilos = client.ActiveSilos.Count }));
        return app;
    }
}

using Microsoft.Extensions.FileProviders;

namespace ParkingGrains.WebApi.Dashboard;

/// <summary>
/// The operator dashboard: static files (plain HTML/CSS/JS, no build step) from the <c>wwwroot</c> folder next to the
/// assemblies, and the npm libraries the build copied to <c>wwwroot/lib</c> (<c>@microsoft/signalr</c>, <c>chart.js</c>).
/// The files are public; everything they show comes from the API and the hub, which require a token.
/// </summary>
public static class DashboardExtensions
{
    public static WebApplication UseParkingGrainsDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("No dashboard files at {Root}; / serves a placeholder", root);
            app.MapGet("/", () => Results.Content("<!doctype html><title>ParkingGrains</title><p>The cluster is up; the dashboard files are missing from this build.</p>", "text/html"));
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", () => Results.File(Path.Combine(root, "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }
}

using ParkingGrains.Grains.Demo;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Lots;
using ParkingGrains.Silo;
using Orleans.Dashboard;
using Orleans.Hosting.Kubernetes;
using ParkingGrains.WebApi;
using ParkingGrains.WebApi.Operations;

// A silo process. Providers, ports and cluster come from configuration (appsettings, environment, --Key=Value),
// see README "Configuration". With Web:Enabled=true the web API runs in the same process (development mode) and
// calls grains through the silo's own client.
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

    // /health/live, /health/ready and /metrics (the web API adds them itself when co-hosted).
    builder.AddParkingGrainsOperations();
}

// Lot policy (Lots:PaidExitGrace, Lots:ReservationCheckPeriod, Lots:EarlyArrival, Lots:BarrierOpenTime).
builder.Services.AddSingleton(builder.Configuration.GetSection("Lots").Get<LotOptions>() ?? new LotOptions());
builder.UseOrleans(silo =>
{
    silo.UseParkingGrainsConfiguration(builder.Configuration);

    // Every silo runs the Orleans Dashboard's grains (Dashboard:Enabled, default true): the co-hosted web API serves
    // its page at /dashboard, and a standalone web API serves it through its cluster client.
    if (OrleansDashboardAccess.IsEnabled(builder.Configuration))
    {
        silo.AddDashboard(OrleansDashboardAccess.Configure(builder.Configuration));
    }

    // In a Kubernetes pod (POD_NAME and POD_NAMESPACE from the downward API, see deploy/k8s/silo.yaml): silo name
    // from the pod, cluster/service id from ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID, and the pod watcher that
    // declares silos of deleted pods dead. Kubernetes:Enabled=false turns it off.
    if (builder.Configuration.GetValue("Kubernetes:Enabled", true)
        && Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable) is { Length: > 0 }
        && Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable) is { Length: > 0 })
    {
        silo.UseKubernetesHosting();
    }
});

var app = builder.Build();
if (builder.Configuration.GetValue("Seed:DemoLots", false))
{
    // Demo data for development: configured once, left alone when the lots already exist.
    app.Lifetime.ApplicationStarted.Register(() => _ = SeedDemoLotsAsync(app));
}

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
if (!webEnabled)
{
    app.MapParkingGrainsOperations();
}

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

static async Task SeedDemoLotsAsync(WebApplication app)
{
    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ParkingGrains.Silo.DemoSeed");
    // Seeding runs while the silo is still settling; a few attempts ride out a transient failure.
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var seeded = await DemoSeeder.SeedAsync(grains);
            logger.LogInformation("Demo lots: {Seeded}", seeded.Count == 0 ? "already configured" : string.Join(", ", seeded));

            // Seed:GateKeysFile: "gateId=key" lines, the keys local gate agents present (./run.sh makes them in its data
            // folder, readable by its user only); their hashes are installed unless already current.
            if (app.Configuration["Seed:GateKeysFile"] is { Length: > 0 } keysFile && File.Exists(keysFile))
            {
                foreach (var line in await File.ReadAllLinesAsync(keysFile))
                {
                    var (gateId, key) = line.Split('=', 2) is [var g, var k] ? (g.Trim(), k.Trim()) : ("", "");
                    if (GateKeys.IsValidGateId(gateId) && GateKeys.TryHash(key, out var hash) && !(await grains.GetGrain<IGateKeyGrain>(gateId).Verify(hash)).Valid)
                    {
                        await grains.GetGrain<IGateKeyGrain>(gateId).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, DateTimeOffset.UtcNow));
                        logger.LogInformation("Installed the configured key of gate {GateId}", gateId);
                    }
                }
            }

            return;
        }
        catch (Exception ex) when (attempt < 5)
        {
            logger.LogWarning("Seeding the demo lots failed (attempt {Attempt}), retrying: {Reason}", attempt, ex.Message);
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Seeding the demo lots failed");
            return;
        }
    }
}

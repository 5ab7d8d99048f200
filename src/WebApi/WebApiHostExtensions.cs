using ParkingGrains.WebApi.Audit;
using ParkingGrains.WebApi.Auth;
using ParkingGrains.WebApi.Cluster;
using ParkingGrains.WebApi.Dashboard;
using ParkingGrains.WebApi.Errors;
using ParkingGrains.WebApi.Operations;
using Orleans.Dashboard;
using ParkingGrains.WebApi.Proxy;
using ParkingGrains.WebApi.Realtime;

namespace ParkingGrains.WebApi;

/// <summary>The web API as a reusable piece: its own Program uses it with a cluster client, the silo co-hosts it.</summary>
public static class WebApiHostExtensions
{
    /// <summary>The largest body any endpoint takes (a whole layout); most take far less (<see cref="Errors.BodyLimits"/>).</summary>
    public const long MaxRequestBodyBytes = Errors.BodyLimits.Layout;

    public static WebApplicationBuilder AddParkingGrainsWebApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Errors.GrainExceptionHandler>();
        // A body that cannot be bound throws (in every environment, not only Development), so the exception handler
        // can name the field in a 400 instead of the framework's empty one.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(OpenApi.ParkingGrainsOpenApi.Configure);

        // The largest body of all (a layout); each endpoint has its own, usually smaller, limit (413).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.AddParkingGrainsForwardedHeaders();
        builder.AddParkingGrainsAuth();
        builder.AddParkingGrainsReports();
        builder.AddParkingGrainsRealtime();
        builder.AddParkingGrainsOperations();

        // A standalone web host (a cluster client registered before this call) serves the Orleans Dashboard through
        // the client; the silos must run the dashboard too (they do unless Dashboard:Enabled=false). A silo co-hosting
        // the web API adds it on the silo builder instead.
        if (OrleansDashboardAccess.IsEnabled(builder.Configuration))
        {
            if (ClusterClientConfiguration.UsesExternalClient(builder.Configuration))
            {
                new HostServicesClientBuilder(builder.Services, builder.Configuration).AddDashboard(OrleansDashboardAccess.Configure(builder.Configuration));
            }
            else if (builder.Services.Any(s => s.ServiceType == typeof(IClusterClient)))
            {
                builder.UseOrleansClient(client => client.AddDashboard(OrleansDashboardAccess.Configure(builder.Configuration)));
            }
        }

        return builder;
    }

    public static WebApplication MapParkingGrainsWebApi(this WebApplication app)
    {
        app.UseParkingGrainsForwardedHeaders();
        app.UseFaultCounting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Also enforced here, not only by Kestrel, so every server in front of the app (and the test host) says 413.
        app.UseBodyLimits();
        app.UseRouteTextCheck();
        app.UseOrleansDashboardSignIn();
        app.UseParkingGrainsAuth();
        app.MapParkingGrainsAuth();
        app.MapParkingGrainsOperations();
        app.MapOrleansDashboardForAdmins();
        app.UseParkingGrainsDashboard();
        app.MapGet("/api/health", async (IClusterClient client) =>
            Results.Ok(new { status = "ok", activeSilos = (await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count }));
        app.MapOpenApi();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "ParkingGrains API"));

        // The domain API relies on the policies admin / operator / driver / gate-or-operator (see Auth/).
        var api = app.MapGroup("/api").AuditWrites().WithDecisionMetrics();
        api.AddEndpointFilter<Endpoints.EventIdFilter>();
        api.TakesCommandBodies();
        Endpoints.LotEndpoints.Map(api);
        Endpoints.GateEndpoints.Map(api);
        Endpoints.AlertEndpoints.Map(api);
        Endpoints.SystemEndpoints.Map(api);
        Endpoints.PaymentEndpoints.Map(api);
        Endpoints.LotAdminEndpoints.Map(api);
        Endpoints.FloorEndpoints.Map(api);
        Endpoints.GateLayoutEndpoints.Map(api);
        Endpoints.SlotEndpoints.Map(api);
        Endpoints.TariffEndpoints.Map(api);
        Endpoints.CardEndpoints.Map(api);
        api.MapParkingGrainsReports();
        app.MapParkingGrainsRealtime();
        return app;
    }
}

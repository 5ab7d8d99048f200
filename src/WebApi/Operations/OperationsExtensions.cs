using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace ParkingGrains.WebApi.Operations;

/// <summary>
/// Operations endpoints of every host (the web API, a silo with or without it):
/// <list type="bullet">
/// <item><c>GET /health/live</c>: 200 while the process runs (no checks).</item>
/// <item><c>GET /health/ready</c>: 200 when the cluster answers a grain call, PostgreSQL answers (when
/// ConnectionStrings:PostgreSql is set and Storage:Provider or Cluster:Membership is PostgreSql) and Redis answers
/// (when Cluster:Membership is Redis); else 503. JSON names each check and lists the failing ones.</item>
/// <item><c>GET /metrics</c>: Prometheus text (OpenTelemetry) of the meters "Microsoft.Orleans", "ParkingGrains" and
/// ASP.NET Core's hosting meter, when Metrics:Enabled (default true). Unauthenticated like most scrape targets: do not
/// publish it; Metrics:AllowedNetworks (comma-separated CIDRs, e.g. "10.0.0.0/8,127.0.0.1/32") limits the client
/// addresses that may scrape it, others get 404.</item>
/// </list>
/// </summary>
public static class OperationsExtensions
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddParkingGrainsOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton<ParkingGrainsMetrics>();

        var checks = services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        var membership = configuration["Cluster:Membership"] ?? "Localhost";
        var storage = configuration["Storage:Provider"] ?? "Sqlite";
        if (configuration.GetConnectionString("PostgreSql") is { Length: > 0 } postgres
            && (Is(storage, "PostgreSql") || Is(membership, "PostgreSql")))
        {
            checks.Add(new HealthCheckRegistration("postgresql", _ => new PostgreSqlHealthCheck(postgres), HealthStatus.Unhealthy, [ReadyTag], CheckTimeout));
        }

        if (Is(membership, "Redis") && configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddSingleton(_ => new RedisHealthCheck(redis));
            checks.Add(new HealthCheckRegistration("redis", sp => sp.GetRequiredService<RedisHealthCheck>(), HealthStatus.Unhealthy, [ReadyTag], CheckTimeout));
        }

        if (MetricsEnabled(configuration))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans", ParkingGrainsMetrics.MeterName, "Microsoft.AspNetCore.Hosting")
                .AddPrometheusExporter());
        }

        return builder;
    }

    public static WebApplication MapParkingGrainsOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().DisableHttpMetrics();

        if (MetricsEnabled(app.Configuration))
        {
            var allowed = AllowedNetworks(app.Configuration);
            if (allowed.Count > 0)
            {
                app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (context, next) =>
                {
                    var remote = context.Connection.RemoteIpAddress;
                    if (remote is null || !allowed.Exists(network => network.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)))
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return;
                    }

                    await next(context);
                }));
            }

            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableHttpMetrics();
        }

        return app;
    }

    /// <summary>The product metrics of entry and exit decisions, on the /api group.</summary>
    public static RouteGroupBuilder WithDecisionMetrics(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter<DecisionMetricsFilter>();
        return api;
    }

    private static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);

    private static List<IPNetwork> AllowedNetworks(IConfiguration configuration) =>
        [.. (configuration["Metrics:AllowedNetworks"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value => IPNetwork.Parse(value.Contains('/') ? value : $"{value}/{(IPAddress.Parse(value).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)}"))];

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}

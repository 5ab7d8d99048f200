using ParkingGrains.History;
using ParkingGrains.WebApi.Reports;

// In the host's namespace, beside WebApiHostExtensions, so hooking it in is one line without a using.
namespace ParkingGrains.WebApi;

/// <summary>
/// Reports in the web host: the SQL history the silos write (Storage:Provider Sqlite → ConnectionStrings:Sqlite,
/// PostgreSql → ConnectionStrings:PostgreSql; rows of Cluster:ServiceId, default Cluster:ClusterId, default
/// "parkinggrains") and the Chromium PDF printer. With no SQL provider the report endpoints answer 503.
/// </summary>
public static class ReportsHostExtensions
{
    public static WebApplicationBuilder AddParkingGrainsReports(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var serviceId = Value(configuration["Cluster:ServiceId"]) ?? Value(configuration["Cluster:ClusterId"]) ?? "parkinggrains";
        switch (configuration["Storage:Provider"]?.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = Required(configuration, "Sqlite");
                builder.Services.AddSingleton<IParkingHistory>(_ => new SqliteParkingHistory(sqlite, serviceId));
                break;
            case "POSTGRESQL":
                var postgres = Required(configuration, "PostgreSql");
                builder.Services.AddSingleton<IParkingHistory>(_ => new PostgreSqlParkingHistory(postgres, serviceId));
                break;
            default:
                // Memory (or unset): there is no history to read.
                break;
        }

        var timeout = int.TryParse(configuration["Reports:PdfTimeoutSeconds"], out var seconds) && seconds > 0 ? seconds : 30;
        var concurrency = int.TryParse(configuration["Reports:PdfConcurrency"], out var n) && n > 0 ? n : 2;
        builder.Services.AddSingleton(new ChromiumPdfOptions
        {
            ExecutablePath = Value(configuration["Reports:ChromiumPath"]),
            Timeout = TimeSpan.FromSeconds(timeout),
            Concurrency = concurrency,
        });
        builder.Services.AddSingleton<ChromiumPdfPrinter>();
        return builder;
    }

    /// <summary>Maps /reports under <paramref name="api"/> (the /api group).</summary>
    public static IEndpointRouteBuilder MapParkingGrainsReports(this IEndpointRouteBuilder api)
    {
        ReportEndpoints.Map(api);
        return api;
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Required(IConfiguration configuration, string name) =>
        Value(configuration.GetConnectionString(name))
        ?? throw new InvalidOperationException($"Storage:Provider is {name}, but ConnectionStrings:{name} is not set (reports read the history there).");
}

using System.Globalization;
using System.Text;
using ParkingGrains.History;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// GET /api/reports/revenue and /api/reports/occupancy (operator or admin) as HTML, CSV or PDF from the SQL history, or
/// as JSON for the dashboard's charts.
/// </summary>
internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(AuthPolicies.Operator);

        reports.MapGet("/revenue", (HttpContext http, [AsParameters] ReportRequest request, CancellationToken cancellationToken) =>
                RenderAsync(http, request, revenue: true, cancellationToken))
            .WithSummary("Revenue per day or hour, by lot, vehicle class and payment method (format=html|csv|pdf|json)")
            .Produces<RevenueReport>(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/html", "text/csv", "application/pdf"])
            .ProducesValidationProblem();

        reports.MapGet("/occupancy", (HttpContext http, [AsParameters] ReportRequest request, CancellationToken cancellationToken) =>
                RenderAsync(http, request, revenue: false, cancellationToken))
            .WithSummary("Entries, exits, force-closes and vehicles inside (at the end, peak, average) per day or hour and lot (by=class splits by vehicle class; format=html|csv|pdf|json)")
            .Produces<OccupancyReport>(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["text/html", "text/csv", "application/pdf"])
            .ProducesValidationProblem();
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ReportRequest request, bool revenue, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        if (services.GetService<IParkingHistory>() is not { } history)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Reports unavailable",
                detail: "Reports read the SQL history; this host has no Storage:Provider of Sqlite or PostgreSql configured.");
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        LotLayout? layout = null;
        if (!string.IsNullOrWhiteSpace(request.LotId))
        {
            layout = await grains.GetGrain<ILotGrain>(request.LotId).GetLayout();
            if (layout is null)
            {
                return Endpoints.LotEndpoints.NotFound(request.LotId);
            }
        }

        // Display names for lots; a lot only present in the log (never configured through a grain) shows its id.
        var directory = await grains.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List();
        var names = directory.ToDictionary(l => l.LotId, l => l.Name, StringComparer.Ordinal);

        // All lots without a named zone: the history buckets in the lots' common zone, so dates without an offset and
        // the period labels must use it too (lots in different zones are refused by the history below).
        var common = layout is null && directory.Select(l => l.TimeZoneId).Distinct(StringComparer.Ordinal).ToList() is [var only]
            && TimeZoneInfo.TryFindSystemTimeZoneById(only, out var zone) ? zone : null;

        var (parameters, errors) = ReportParameters.Parse(request, revenue, layout, common);
        if (parameters is null)
        {
            return Results.ValidationProblem(errors, title: "Invalid report parameters");
        }

        var zoneId = (parameters.Zone ?? TimeZoneInfo.Utc).Id;
        ReportDocument report;
        try
        {
            if (parameters.Format == ReportFormat.Json)
            {
                return revenue
                    ? Results.Json(await ReportJson.RevenueAsync(history, parameters, zoneId, cancellationToken))
                    : Results.Json(await ReportJson.OccupancyAsync(history, grains, parameters, zoneId, names, cancellationToken));
            }

            report = revenue
                ? await ReportBuilder.RevenueAsync(history, parameters, names, cancellationToken)
                : await ReportBuilder.OccupancyAsync(history, parameters, names, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // The history refuses ambiguous requests, e.g. all lots when they are in different time zones.
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["timeZone"] = [e.Message] }, title: "Invalid report parameters");
        }

        var file = FileName(report.Kind, parameters);
        switch (parameters.Format)
        {
            case ReportFormat.Csv:
                return Results.File(Encoding.UTF8.GetBytes(CsvReportRenderer.Render(report)), "text/csv; charset=utf-8", file + ".csv");
            case ReportFormat.Pdf:
                var printer = services.GetRequiredService<ChromiumPdfPrinter>();
                try
                {
                    return Results.File(await printer.PrintAsync(HtmlReportRenderer.Render(report), cancellationToken), "application/pdf", file + ".pdf");
                }
                catch (PdfRenderingException e)
                {
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReportEndpoints))
                        .LogError(e, "PDF report failed: {Message}; Chromium stderr: {Stderr}", e.Message, e.StandardError);
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                        title: e.Unavailable ? "PDF rendering unavailable" : "PDF rendering failed", detail: e.Message);
                }

            default:
                return Results.Content(HtmlReportRenderer.Render(report), "text/html; charset=utf-8", Encoding.UTF8);
        }
    }

    private static string FileName(string kind, ReportParameters p)
    {
        var zone = p.Zone ?? TimeZoneInfo.Utc;
        string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = p.LotId is null ? "all-lots" : new string(p.LotId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return $"{kind.ToLowerInvariant()}-{scope}-{Day(p.From)}-{Day(p.To)}";
    }
}

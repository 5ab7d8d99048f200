using ParkingGrains.Grains.Interfaces.Notifications;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>A lot's alert feed for operators: what is still open (or everything recent), and acknowledging.</summary>
internal static class AlertEndpoints
{
    private const int DefaultLimit = 50;

    public static void Map(IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/lots/{lotId}/alerts").WithTags("Alerts").RequireAuthorization("operator");

        alerts.MapGet("/", async (string lotId, bool? includeAcknowledged, int? limit, IGrainFactory grains) =>
            await LotEndpoints.Configured(grains, lotId) is null
                ? LotEndpoints.NotFound(lotId)
                : Results.Ok(await grains.GetGrain<ILotAlertsGrain>(lotId).List(limit ?? DefaultLimit, includeAcknowledged ?? false)))
            .WithSummary("Newest first; open alerts only unless includeAcknowledged=true");

        alerts.MapPost("/{alertId}/acknowledge", async (string lotId, string alertId, HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<ILotAlertsGrain>(lotId).Acknowledge(alertId, Identity.Name(http.User), DateTimeOffset.UtcNow) is { } alert
                ? Results.Ok(alert)
                : LotEndpoints.NotFound(alertId))
            .WithSummary("Acknowledge an alert (the first acknowledgement stands)");
    }
}

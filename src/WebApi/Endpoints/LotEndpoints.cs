using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.WebApi.Audit;
using ParkingGrains.WebApi.Errors;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Lots: public status, operator views and actions, admin configuration.</summary>
internal static class LotEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var lots = api.MapGroup("/lots").WithTags("Lots");

        lots.MapGet("/", (IGrainFactory grains) => grains.GetGrain<ILotDirectoryGrain>(ILotDirectoryGrain.Key).List())
            .WithSummary("All lots (public)").AllowAnonymous();

        lots.MapGet("/{lotId}", async (string lotId, IGrainFactory grains) =>
            await grains.GetGrain<ILotGrain>(lotId).GetStatus() is { Configured: true } status ? Results.Ok(status) : NotFound(lotId))
            .WithSummary("Free counts per vehicle class (public)").Reads<LotStatus>().AllowAnonymous();

        lots.MapGet("/{lotId}/slots", async (string lotId, IGrainFactory grains) =>
            await Configured(grains, lotId) is { } lot ? Results.Ok(await lot.GetSlots()) : NotFound(lotId))
            .WithSummary("Slot map").Reads<SlotView[]>().RequireAuthorization("operator");

        lots.MapGet("/{lotId}/sessions", async (string lotId, string? plate, IGrainFactory grains) =>
            await Configured(grains, lotId) is { } lot ? Results.Ok(await lot.GetActiveSessions(plate)) : NotFound(lotId))
            .WithSummary("Active sessions, optionally searched by plate").Reads<ActiveSession[]>().RequireAuthorization("operator");

        lots.MapPost("/{lotId}/sessions/{sessionId}/force-exit", async (string lotId, string sessionId, ForceExitRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (await Configured(grains, lotId) is not { } lot)
            {
                return NotFound(lotId);
            }

            var decision = await lot.ForceExit(new ForceExitCommand(body.EventId, sessionId, Identity.Name(http.User), body.Reason, DateTimeOffset.UtcNow));
            return decision.Open ? Results.Ok(decision) : Refused(decision.Reason, decision.ReasonText);
        }).WithSummary("Emergency force-exit").Decides<ExitDecision>().RequireAuthorization("operator");

        lots.MapPost("/{lotId}/slots/{slotId}/override", async (string lotId, string slotId, SlotOverrideRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (await Configured(grains, lotId) is not { } lot)
            {
                return NotFound(lotId);
            }

            var result = await lot.OverrideSlot(new SlotOverrideCommand(body.EventId, slotId, body.Override, body.Reason, Identity.Name(http.User), DateTimeOffset.UtcNow));
            return result.Applied ? Results.Ok(result) : Refused(result.Reason, result.ReasonText);
        }).WithSummary("Manual slot override").Decides<OverrideResult>().RequireAuthorization("operator");

        lots.MapGet("/{lotId}/layout", (string lotId, HttpContext http, IGrainFactory grains) => LayoutReads.ReadAsync(http, grains, lotId, c => Results.Ok(c.Layout)))
            .WithSummary("The lot's layout (ETag: the lot's configuration revision)").Reads<Grains.Interfaces.Layout.LotLayout>().RequireAuthorization("admin");

        lots.MapPut("/{lotId}/configuration", ConfigureAsync)
            .WithSummary("Apply a layout and tariff, whole or not at all (with If-Match: only at that revision)").Changes<ConfigureLotResult>().RequireAuthorization("admin")
            .AllowsLayoutBodies();

        lots.MapGet("/{lotId}/reservations", async (string lotId, IGrainFactory grains) =>
            await Configured(grains, lotId) is { } lot ? Results.Ok(await lot.GetReservations()) : NotFound(lotId))
            .WithSummary("Open reservations").Reads<ReservationView[]>().RequireAuthorization("operator");

        lots.MapPost("/{lotId}/reservations", async (string lotId, ReservationRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (await Configured(grains, lotId) is not { } lot)
            {
                return NotFound(lotId);
            }

            var result = await lot.Reserve(new ReservationCommand(body.EventId, Identity.Name(http.User), body.Plate, body.CardId, body.VehicleClass, body.SlotId, body.From, body.To, DateTimeOffset.UtcNow));
            return result.Accepted ? Results.Ok(result) : Refused(result.Reason, result.ReasonText);
        }).WithSummary("Reserve a slot or a class for a window").Decides<ReservationResult>().RequireAuthorization("driver");

        lots.MapDelete("/{lotId}/reservations/{reservationId}", async (string lotId, string reservationId, string eventId, HttpContext http, IGrainFactory grains) =>
        {
            if (await Configured(grains, lotId) is not { } lot)
            {
                return NotFound(lotId);
            }

            var result = await lot.CancelReservation(new CancelReservationCommand(eventId, reservationId, Identity.Name(http.User), DateTimeOffset.UtcNow));
            return result.Accepted ? Results.Ok(result) : Refused(result.Reason, result.ReasonText);
        }).WithSummary("Cancel your reservation").Decides<ReservationResult>().RequireAuthorization("driver");

        lots.MapPost("/{lotId}/payments", async (string lotId, PaymentRequestBody body, IGrainFactory grains) =>
        {
            if (await Configured(grains, lotId) is not { } lot)
            {
                return NotFound(lotId);
            }

            var result = await lot.Pay(new PaymentCommand(body.EventId, body.SessionIdOrTicket, new Grains.Interfaces.Money(body.Amount, body.Currency), body.Method, DateTimeOffset.UtcNow, body.Reference, body.Overpayment));
            return result.Accepted ? Results.Ok(result) : Refused(result.Reason, result.ReasonText);
        }).WithSummary("Record a payment towards a stay").Decides<PaymentResult>().RequireAuthorization("operator");
    }

    // Without If-Match the layout replaces whatever is there (imports, scripts), as before revisions existed.
    private static async Task<IResult> ConfigureAsync(string lotId, LotConfigurationRequest body, HttpContext http, IGrainFactory grains)
    {
        if (body.Layout is null || body.Tariff is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Give both layout and tariff."] });
        }

        if (!ETags.TryRead(http.Request, out var ifMatch))
        {
            return ETags.Malformed();
        }

        var lot = grains.GetGrain<ILotGrain>(lotId);
        var result = ifMatch.IsSpecific
            ? await lot.Reconfigure(body.Layout, body.Tariff, ifMatch.Versions[0])
            : await lot.Configure(body.Layout, body.Tariff);
        switch (result.Conflict)
        {
            case LotConflict.RevisionChanged:
                return ETags.Stale(http, result.Revision, result.ConflictText ?? "The lot was changed meanwhile.");
            case LotConflict.NotConfigured:
                return NotFound(lotId);
        }

        if (!result.Applied)
        {
            return LayoutProblemResults.Rejected(result.Problems);
        }

        await http.AuditAsync("lot.configure", $"lot:{lotId}",
            LayoutEditor.Detail($"{body.Layout.Slots.Count} slots, {body.Layout.Floors.Count} floors, {body.Layout.Gates.Count} gates", result.Revision));
        ETags.Set(http, result.Revision);
        return Results.Ok(result);
    }

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"'{Errors.Echo.Bounded(what)}' does not exist.");

    /// <summary>A well-formed command the domain refused: 422 with the stable reason code.</summary>
    public static IResult Refused(DenialReason? reason, string? text) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: reason?.ToString() ?? "Refused", detail: text,
            extensions: new Dictionary<string, object?> { ["reason"] = reason?.ToString() });

    public static async Task<ILotGrain?> Configured(IGrainFactory grains, string lotId)
    {
        var lot = grains.GetGrain<ILotGrain>(lotId);
        return (await lot.GetStatus()).Configured ? lot : null;
    }
}

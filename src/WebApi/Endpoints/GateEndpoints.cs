using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;

using ParkingGrains.WebApi.OpenApi;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>
/// Gates: manual or integration entries/exits (an operator, or that gate's own agent key — the same eventId
/// idempotency as the cluster path), barrier commands and status.
/// </summary>
internal static class GateEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var gates = api.MapGroup("/gates").WithTags("Gates");

        gates.MapPost("/{gateId}/entry", async (string gateId, GateEntryRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (!Identity.MayActForGate(http.User, gateId))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A gate may act only as itself");
            }

            var gate = grains.GetGrain<IGateGrain>(gateId);
            if ((await gate.GetStatus()).LotId is null)
            {
                return LotEndpoints.NotFound(gateId);
            }

            var decision = await gate.Enter(new EntryCommand(body.EventId, gateId, body.Plate, body.CardId, body.VehicleClass, body.Time ?? DateTimeOffset.UtcNow));
            return Results.Ok(decision);
        }).WithSummary("A vehicle at an entry lane: the decision (denials carry a reason code)").Reads<EntryDecision>().RequireAuthorization("gate-or-operator");

        gates.MapPost("/{gateId}/exit", async (string gateId, GateExitRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (!Identity.MayActForGate(http.User, gateId))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A gate may act only as itself");
            }

            var gate = grains.GetGrain<IGateGrain>(gateId);
            if ((await gate.GetStatus()).LotId is null)
            {
                return LotEndpoints.NotFound(gateId);
            }

            var decision = await gate.Exit(new ExitCommand(body.EventId, gateId, body.Plate, body.CardId, body.Ticket, body.Time ?? DateTimeOffset.UtcNow, body.LostTicket));
            return Results.Ok(decision);
        }).WithSummary("A vehicle at an exit lane: fee, amount due, open or not").Reads<ExitDecision>().RequireAuthorization("gate-or-operator");

        gates.MapGet("/{gateId}", async (string gateId, IGrainFactory grains) =>
            await grains.GetGrain<IGateGrain>(gateId).GetStatus() is { LotId: not null } status ? Results.Ok(status) : LotEndpoints.NotFound(gateId))
            .WithSummary("Gate status: online, RTT, barrier, recent events").Reads<GateStatus>().RequireAuthorization("operator");

        gates.MapPost("/{gateId}/commands", async (string gateId, GateCommandRequest body, HttpContext http, IGrainFactory grains) =>
        {
            var gate = grains.GetGrain<IGateGrain>(gateId);
            if ((await gate.GetStatus()).LotId is null)
            {
                return LotEndpoints.NotFound(gateId);
            }

            // The grain checks the command (durationSeconds, reason: 400 by field) and whether an agent would move the
            // barrier: with none online it records nothing and says so, which is the gate's state, not the request's (409).
            var duration = body.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var result = await gate.Command(new GateCommand(body.EventId, body.Kind, duration, Identity.Name(http.User), body.Reason, DateTimeOffset.UtcNow));
            return result switch
            {
                { Accepted: true } => Results.Ok(result),
                { GateOffline: true } => GateOffline(gateId, result.ReasonText),
                _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused", detail: result.ReasonText),
            };
        }).WithSummary("Open for N s, close, or hold open; 409 while the gate's agent is offline").Decides<GateCommandResult>().ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization("operator");

        api.MapPost("/lots/{lotId}/gates/open-all", async (string lotId, GateCommandRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (await grains.GetGrain<ILotGrain>(lotId).GetLayout() is not { } layout)
            {
                return LotEndpoints.NotFound(lotId);
            }

            var results = await Task.WhenAll(layout.Gates.Select(g => grains.GetGrain<IGateGrain>(g.GateId).Command(
                new GateCommand($"{body.EventId}:{g.GateId}", GateCommandKind.HoldOpen, null, Identity.Name(http.User), body.Reason, DateTimeOffset.UtcNow))));
            return Results.Ok(results);
        }).WithTags("Gates").WithSummary("Emergency: hold every barrier of the lot open").Reads<GateCommandResult[]>().RequireAuthorization("operator");
    }

    private static IResult GateOffline(string gateId, string? reason) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The gate is offline",
            detail: reason ?? $"Gate {gateId} has no agent online to move the barrier; the command was not recorded.",
            extensions: new Dictionary<string, object?> { ["reason"] = "GateOffline" });
}

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
    /// <summary>The longest an operator may open a barrier for with one command (hold-open has no duration).</summary>
    public const int MaxOpenSeconds = 3600;

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
            if (body.DurationSeconds is < 1 or > MaxOpenSeconds)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["durationSeconds"] = [$"Between 1 and {MaxOpenSeconds} seconds."] });
            }

            var gate = grains.GetGrain<IGateGrain>(gateId);
            var status = await gate.GetStatus();
            if (status.LotId is null)
            {
                return LotEndpoints.NotFound(gateId);
            }

            // Nobody would move the barrier: refused at once rather than shown as open (the grain refuses it too).
            if (!status.Online)
            {
                return GateOffline(gateId, null);
            }

            var duration = body.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var result = await gate.Command(new GateCommand(body.EventId, body.Kind, duration, Identity.Name(http.User), body.Reason, DateTimeOffset.UtcNow));
            if (result.Accepted)
            {
                return Results.Ok(result);
            }

            // A refusal while the agent is offline is the grain's "gate offline" (it went away since our look): 409,
            // the state of the gate, not the request, is the problem. Anything else it refuses is 422.
            return (await gate.GetStatus()).Online
                ? Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused", detail: result.ReasonText)
                : GateOffline(gateId, result.ReasonText);
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

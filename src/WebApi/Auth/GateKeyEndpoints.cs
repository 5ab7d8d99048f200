using System.Security.Claims;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.WebApi.Audit;

namespace ParkingGrains.WebApi.Auth;

/// <summary>Gate agent keys: rotation and inspection (admins), and a probe for an agent to check its own key.</summary>
internal static class GateKeyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var gates = app.MapGroup("/api/gates/{gateId}").WithTags("Gate keys");
        gates.MapPost("/keys/rotate", RotateAsync).RequireAuthorization(AuthPolicies.Admin);
        gates.MapGet("/keys", GetAsync).RequireAuthorization(AuthPolicies.Admin);
        gates.MapGet("/whoami", (ClaimsPrincipal gate) => TypedResults.Ok(new GateIdentityResponse(
            gate.GetGateId()!,
            gate.FindFirst(AuthClaimTypes.GateKeyId)?.Value ?? ""))).RequireAuthorization(AuthPolicies.Gate);
    }

    private static async Task<IResult> RotateAsync(string gateId, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        if (!await GateExistsAsync(gateId, grains))
        {
            return AuthProblems.NotFound($"No gate {gateId}.");
        }

        var (key, hash) = GateKeys.NewKey();
        var info = await grains.GetGrain<IGateKeyGrain>(gateId).Install(new GateKeyInstall(GateKeys.NewKeyId(), hash, time.GetUtcNow()));
        await http.AuditAsync("gate.key.rotate", $"gate:{gateId}", $"keyId={info.KeyId}");
        AuthProblems.NoStore(http);
        return TypedResults.Ok(new GateKeyIssuedResponse(gateId, info.KeyId, key, info.IssuedAt));
    }

    private static async Task<IResult> GetAsync(string gateId, IGrainFactory grains)
    {
        var info = GateKeys.IsValidGateId(gateId) ? await grains.GetGrain<IGateKeyGrain>(gateId).Get() : null;
        return info is null ? AuthProblems.NotFound($"Gate {gateId} has no key.") : TypedResults.Ok(info);
    }

    // Gates exist once a lot layout assigned them; keys for made-up ids would only be clutter.
    private static async Task<bool> GateExistsAsync(string gateId, IGrainFactory grains) =>
        GateKeys.IsValidGateId(gateId) && (await grains.GetGrain<IGateGrain>(gateId).GetStatus()).LotId is not null;
}

using System.Security.Claims;

namespace ParkingGrains.WebApi.Endpoints;

/// <summary>Who is calling, for the operator fields that commands record.</summary>
internal static class Identity
{
    public const string GateIdClaim = "gate_id";

    public static string Name(ClaimsPrincipal user) =>
        user.Identity?.Name ?? (user.FindFirstValue(GateIdClaim) is { } gate ? $"gate:{gate}" : "anonymous");

    /// <summary>A gate agent may act only as itself; people with the operator role may act for any gate.</summary>
    public static bool MayActForGate(ClaimsPrincipal user, string gateId) =>
        user.FindFirstValue(GateIdClaim) is not { } gate || string.Equals(gate, gateId, StringComparison.Ordinal);
}

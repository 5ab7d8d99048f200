using System.Security.Claims;

namespace ParkingGrains.WebApi.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The gate this principal authenticated as with its key, or null for users.</summary>
    public static string? GetGateId(this ClaimsPrincipal user) => user.FindFirst(AuthClaimTypes.GateId)?.Value;

    /// <summary>The signed-in user's name, or null for gates and anonymous callers.</summary>
    public static string? GetUsername(this ClaimsPrincipal user) =>
        user.GetGateId() is null && user.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>Who acts, for the audit log: "user:name", "gate:id" or "anonymous".</summary>
    public static string GetActor(this ClaimsPrincipal user) =>
        user.GetUsername() is { } name ? $"user:{name}" : user.GetGateId() is { } gate ? $"gate:{gate}" : "anonymous";
}

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Authorization policy names for the API. Use them as <c>.RequireAuthorization(AuthPolicies.Operator)</c>.
/// A route with a <c>{gateId}</c> parameter under <see cref="Gate"/> or <see cref="GateOrOperator"/> only admits
/// the gate agent whose key matches that gate id (another gate's key gets 403).
/// </summary>
public static class AuthPolicies
{
    /// <summary>A signed-in user with role admin.</summary>
    public const string Admin = "admin";

    /// <summary>A signed-in user with role admin or operator.</summary>
    public const string Operator = "operator";

    /// <summary>Any signed-in user (bearer token), whatever the role.</summary>
    public const string Driver = "driver";

    /// <summary>A gate agent proven by X-Gate-Id and X-Gate-Key; acts only as itself.</summary>
    public const string Gate = "gate";

    /// <summary>An admin or operator token, or the key of the gate in the route's <c>{gateId}</c>.</summary>
    public const string GateOrOperator = "gate-or-operator";
}

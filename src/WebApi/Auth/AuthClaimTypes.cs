namespace ParkingGrains.WebApi.Auth;

/// <summary>Claims this host puts on principals, beside the standard name and role claims.</summary>
public static class AuthClaimTypes
{
    /// <summary>The gate an agent authenticated as (GateKey scheme).</summary>
    public const string GateId = "gate_id";

    /// <summary>Which of the gate's keys was used (changes on rotation).</summary>
    public const string GateKeyId = "gate_key_id";

    /// <summary>The user's security stamp when the token was issued; refresh fails once it changed.</summary>
    public const string SecurityStamp = "stamp";
}

namespace ParkingGrains.WebApi.Auth;

/// <summary>Claims this host puts on principals, beside the standard name and role claims.</summary>
public static class AuthClaimTypes
{
    /// <summary>The gate an agent authenticated as (GateKey scheme).</summary>
    public const string GateId = "gate_id";

    /// <summary>Which of the gate's keys was used (changes on rotation).</summary>
    public const string GateKeyId = "gate_key_id";

    /// <summary>The user's security stamp when the token was issued; a token of another stamp is refused.</summary>
    public const string SecurityStamp = "stamp";

    /// <summary>The session (login) a token belongs to; its access and refresh tokens end together.</summary>
    public const string SessionId = "sid";

    /// <summary>A refresh token's generation within its session: only the newest one may be used, once.</summary>
    public const string Generation = "gen";
}

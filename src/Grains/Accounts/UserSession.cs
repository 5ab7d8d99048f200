namespace ParkingGrains.Grains.Accounts;

/// <summary>
/// One signed-in session as stored with its user: which refresh token generation is the valid one, and until when.
/// Tokens themselves are never stored; a refresh token names its session and generation, sealed by the web host.
/// </summary>
public sealed class UserSession
{
    public string SessionId { get; set; } = "";

    /// <summary>The generation of the one refresh token that may still be used; every lower one is used up.</summary>
    public int Generation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastRefreshedAt { get; set; }

    /// <summary>When the current refresh token expires: the session is over if it is not used by then.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The absolute end: refreshing never takes the session past this.</summary>
    public DateTimeOffset EndsAt { get; set; }
}

namespace ParkingGrains.Grains.Interfaces.Accounts;

public enum SessionRefreshOutcome
{
    /// <summary>The token was the session's current one: it is now used up and the next generation is granted.</summary>
    Rotated,

    /// <summary>An already used token of the session came back: taken as stolen, and the whole session was ended.</summary>
    Reused,

    /// <summary>No such session (never existed, logged out, expired, ended by reuse or by a change to the account), or the user is disabled.</summary>
    Invalid,
}

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// What the web host may issue tokens for: the account as it is now, the session, the refresh token generation that
/// is now the only valid one, when that refresh token expires and when the session ends whatever happens.
/// </summary>
public sealed record SessionGrant(UserAccount Account, string SessionId, int Generation, DateTimeOffset RefreshExpiresAt, DateTimeOffset EndsAt);

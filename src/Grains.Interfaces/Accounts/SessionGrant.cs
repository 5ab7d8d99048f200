using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// What the web host may issue tokens for: the account as it is now, the session, the refresh token generation that
/// is now the only valid one, when that refresh token expires and when the session ends whatever happens.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionGrant(
    [property: Id(0)] UserAccount Account,
    [property: Id(1)] string SessionId,
    [property: Id(2)] int Generation,
    [property: Id(3)] DateTimeOffset RefreshExpiresAt,
    [property: Id(4)] DateTimeOffset EndsAt);

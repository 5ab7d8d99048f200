using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// A login the web host has just verified: a new session (one refresh-token family) with a fresh random
/// <paramref name="SessionId"/>. <paramref name="SecurityStamp"/> is the stamp of the account the password was checked
/// against, so a password or role change that lands in between refuses the session. The first refresh token expires
/// at <paramref name="RefreshExpiresAt"/>; no refresh reaches past <paramref name="EndsAt"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionStart(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string SecurityStamp,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset RefreshExpiresAt,
    [property: Id(4)] DateTimeOffset EndsAt);

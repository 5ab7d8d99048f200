using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// A refresh token presented at <paramref name="At"/>: its session and generation. The next refresh token would
/// expire at <paramref name="RefreshExpiresAt"/> (the user grain caps it at the session's end).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionRefresh(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int Generation,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset RefreshExpiresAt);

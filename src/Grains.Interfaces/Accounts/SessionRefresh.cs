namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// A refresh token presented at <paramref name="At"/>: its session and generation. The next refresh token would
/// expire at <paramref name="RefreshExpiresAt"/> (the user grain caps it at the session's end).
/// </summary>
public sealed record SessionRefresh(string SessionId, int Generation, DateTimeOffset At, DateTimeOffset RefreshExpiresAt);

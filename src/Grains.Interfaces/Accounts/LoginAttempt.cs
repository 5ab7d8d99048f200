namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>A login attempt at <paramref name="At"/>, under the web host's limit of attempts per window.</summary>
public sealed record LoginAttempt(DateTimeOffset At, int Limit, TimeSpan Window);

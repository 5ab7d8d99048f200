using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>A login attempt at <paramref name="At"/>, under the web host's limit of attempts per window.</summary>
[GenerateSerializer]
[Immutable]
public sealed record LoginAttempt(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Limit,
    [property: Id(2)] TimeSpan Window);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Creates a user; the password arrives already hashed.</summary>
[GenerateSerializer]
[Immutable]
public sealed record NewUser(
    [property: Id(0)] string Username,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] DateTimeOffset At);

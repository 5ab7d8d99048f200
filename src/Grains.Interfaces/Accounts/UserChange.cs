using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Changes to a user; null fields stay as they are. The password arrives already hashed.</summary>
[GenerateSerializer]
[Immutable]
public sealed record UserChange(
    [property: Id(0)] IReadOnlyList<string>? Roles,
    [property: Id(1)] string? PasswordHash,
    [property: Id(2)] bool? Disabled,
    [property: Id(3)] DateTimeOffset At);

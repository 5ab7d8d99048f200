using Orleans;

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// A user as stored. <paramref name="PasswordHash"/> is a <c>PasswordHasher</c> hash, never the password;
/// <paramref name="SecurityStamp"/> changes whenever the password, roles or disabled flag change, so tokens
/// issued before the change can be told apart.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record UserAccount(
    [property: Id(0)] string Username,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] bool Disabled,
    [property: Id(4)] string SecurityStamp,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);

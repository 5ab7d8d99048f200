namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>
/// A user as stored. <paramref name="PasswordHash"/> is a <c>PasswordHasher</c> hash, never the password;
/// <paramref name="SecurityStamp"/> changes whenever the password, roles or disabled flag change, so tokens
/// issued before the change can be told apart.
/// </summary>
public sealed record UserAccount(
    string Username,
    IReadOnlyList<string> Roles,
    string PasswordHash,
    bool Disabled,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Changes to a user; null fields stay as they are. The password arrives already hashed.</summary>
public sealed record UserChange(IReadOnlyList<string>? Roles, string? PasswordHash, bool? Disabled, DateTimeOffset At);

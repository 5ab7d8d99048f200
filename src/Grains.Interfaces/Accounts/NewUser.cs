namespace ParkingGrains.Grains.Interfaces.Accounts;

/// <summary>Creates a user; the password arrives already hashed.</summary>
public sealed record NewUser(string Username, IReadOnlyList<string> Roles, string PasswordHash, DateTimeOffset At);

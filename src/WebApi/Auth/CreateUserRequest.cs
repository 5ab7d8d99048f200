namespace ParkingGrains.WebApi.Auth;

public sealed record CreateUserRequest(string? Username, string? Password, IReadOnlyList<string?>? Roles);

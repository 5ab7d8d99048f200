namespace ParkingGrains.WebApi.Auth;

public sealed record MeResponse(string Username, IReadOnlyList<string> Roles);

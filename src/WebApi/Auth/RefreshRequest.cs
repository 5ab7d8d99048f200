namespace ParkingGrains.WebApi.Auth;

public sealed record RefreshRequest(string? RefreshToken);

namespace ParkingGrains.WebApi.Auth;

public sealed record LoginRequest(string? Username, string? Password);

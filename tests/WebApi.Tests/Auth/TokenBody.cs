namespace ParkingGrains.WebApi.Tests.Auth;

public sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken);

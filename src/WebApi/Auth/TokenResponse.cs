namespace ParkingGrains.WebApi.Auth;

/// <summary>What login and refresh return. <paramref name="ExpiresAt"/> is when the access token expires (UTC).</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken);

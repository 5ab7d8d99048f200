namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// What login and refresh return. <paramref name="ExpiresAt"/> is when the access token expires (UTC);
/// <paramref name="ExpiresIn"/> is the same as seconds from now (OAuth's expires_in), so a client whose clock is off
/// still refreshes in time.
/// </summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, int ExpiresIn);

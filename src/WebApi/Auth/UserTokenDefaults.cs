namespace ParkingGrains.WebApi.Auth;

/// <summary>The users' bearer token scheme (<see cref="UserTokenAuthenticationHandler"/>).</summary>
public static class UserTokenDefaults
{
    public const string AuthenticationScheme = "Bearer";
}

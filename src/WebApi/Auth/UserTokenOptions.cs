using Microsoft.AspNetCore.Authentication;

namespace ParkingGrains.WebApi.Auth;

public sealed class UserTokenOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// Paths under which the token may also come as <c>?access_token=</c>: browsers cannot set headers on a WebSocket.
    /// Kept to those paths because query strings end up in logs.
    /// </summary>
    public List<PathString> QueryTokenPaths { get; } = [];
}

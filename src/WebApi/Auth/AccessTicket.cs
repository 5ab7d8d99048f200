using Microsoft.AspNetCore.Authentication;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// A sealed, unexpired access token: the authentication ticket, and the session and stamp it was issued under, which
/// the user grain must still confirm (<see cref="UserTokenAuthenticationHandler"/>).
/// </summary>
public sealed record AccessTicket(AuthenticationTicket Ticket, string Username, string SessionId, string SecurityStamp);

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Issues the in-box bearer handler's tokens (Data Protection encrypted authentication tickets, not JWTs) with its
/// own protectors, so the handler validates them as if it had issued them, while the response carries the absolute
/// <c>expiresAt</c> the API promises instead of the handler's <c>expiresIn</c>.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
{
    private const int MaxTokenLength = 8192;

    private BearerTokenOptions Options => bearerOptions.Get(BearerTokenDefaults.AuthenticationScheme);

    public TokenResponse Issue(UserAccount user)
    {
        var options = Options;
        var now = time.GetUtcNow();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Username),
            new(AuthClaimTypes.SecurityStamp, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, BearerTokenDefaults.AuthenticationScheme));
        var accessExpires = now + options.BearerTokenExpiration;

        // The same ticket shapes as BearerTokenHandler's sign-in: the expiry lives in the ticket and is checked on use.
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = accessExpires }, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        var refresh = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.RefreshTokenExpiration }, $"{BearerTokenDefaults.AuthenticationScheme}:RefreshToken");
        return new TokenResponse(options.BearerTokenProtector.Protect(access), accessExpires, options.RefreshTokenProtector.Protect(refresh));
    }

    /// <summary>The refresh token's user, or null when it is malformed, forged, expired or an access token.</summary>
    public RefreshTicket? ReadRefreshToken(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var ticket = Options.RefreshTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires || ticket.Principal.Identity?.Name is not { } name)
        {
            return null;
        }

        return new RefreshTicket(name, ticket.Principal.FindFirst(AuthClaimTypes.SecurityStamp)?.Value);
    }
}

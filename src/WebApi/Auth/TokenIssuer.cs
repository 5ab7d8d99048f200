using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Seals and opens the users' tokens: authentication tickets encrypted and signed with the Data Protection key ring
/// (the format of the in-box bearer tokens, not JWTs; every web instance must share the ring, Auth:KeysPath). Access
/// and refresh tokens use different protector purposes, so one can never pass for the other. A token is only half the
/// check: the session it names must also still be live in its user grain.
/// </summary>
public sealed class TokenIssuer
{
    private const int MaxTokenLength = 8192;
    private readonly TicketDataFormat _access;
    private readonly TicketDataFormat _refresh;
    private readonly TimeProvider _time;
    private readonly TimeSpan _accessLifetime;
    private readonly TimeSpan _refreshLifetime;
    private readonly TimeSpan _sessionLifetime;

    public TokenIssuer(IDataProtectionProvider dataProtection, IOptions<AuthOptions> options, TimeProvider time)
    {
        var root = dataProtection.CreateProtector("ParkingGrains.Auth.UserTokens", "v2");
        _access = new TicketDataFormat(root.CreateProtector("access"));
        _refresh = new TicketDataFormat(root.CreateProtector("refresh"));
        _time = time;
        _accessLifetime = TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
        _refreshLifetime = TimeSpan.FromDays(options.Value.RefreshTokenDays);
        _sessionLifetime = TimeSpan.FromDays(options.Value.SessionMaxDays);
    }

    /// <summary>A new session for a user whose password was just verified (a fresh, unguessable id).</summary>
    public SessionStart NewSession(UserAccount user)
    {
        var now = _time.GetUtcNow();
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        return new SessionStart(id, user.SecurityStamp, now, now + _refreshLifetime, now + _sessionLifetime);
    }

    /// <summary>The rotation a presented refresh token asks for, now.</summary>
    public SessionRefresh RefreshOf(RefreshTicket ticket)
    {
        var now = _time.GetUtcNow();
        return new SessionRefresh(ticket.SessionId, ticket.Generation, now, now + _refreshLifetime);
    }

    /// <summary>An access token for the grant's account and session, and the refresh token of the grant's generation.</summary>
    public TokenResponse Issue(SessionGrant grant)
    {
        var user = grant.Account;
        var now = _time.GetUtcNow();
        var accessExpires = Min(now + _accessLifetime, grant.EndsAt);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Username),
            new(AuthClaimTypes.SecurityStamp, user.SecurityStamp),
            new(AuthClaimTypes.SessionId, grant.SessionId),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var access = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, UserTokenDefaults.AuthenticationScheme)),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = accessExpires },
            UserTokenDefaults.AuthenticationScheme);

        // The refresh token carries no roles: whatever it grants is read from the account when it is used.
        var refresh = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, user.Username),
                    new Claim(AuthClaimTypes.SessionId, grant.SessionId),
                    new Claim(AuthClaimTypes.Generation, grant.Generation.ToString(CultureInfo.InvariantCulture)),
                ],
                UserTokenDefaults.AuthenticationScheme)),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = grant.RefreshExpiresAt },
            UserTokenDefaults.AuthenticationScheme);
        var expiresIn = (int)Math.Max(0, Math.Floor((accessExpires - now).TotalSeconds));
        return new TokenResponse(_access.Protect(access), accessExpires, _refresh.Protect(refresh), expiresIn);
    }

    /// <summary>The access token's ticket, or null when it is malformed, forged, expired, a refresh token or from before sessions.</summary>
    public AccessTicket? ReadAccessToken(string token)
    {
        if (Open(_access, token) is not { } ticket
            || ticket.Principal.Identity?.Name is not { } name
            || ticket.Principal.FindFirst(AuthClaimTypes.SessionId)?.Value is not { } session
            || ticket.Principal.FindFirst(AuthClaimTypes.SecurityStamp)?.Value is not { } stamp)
        {
            return null;
        }

        return new AccessTicket(ticket, name, session, stamp);
    }

    /// <summary>The refresh token's session and generation, or null when it is malformed, forged, expired or an access token.</summary>
    public RefreshTicket? ReadRefreshToken(string token)
    {
        if (Open(_refresh, token) is not { } ticket
            || ticket.Principal.Identity?.Name is not { } name
            || ticket.Principal.FindFirst(AuthClaimTypes.SessionId)?.Value is not { } session
            || !int.TryParse(ticket.Principal.FindFirst(AuthClaimTypes.Generation)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return null;
        }

        return new RefreshTicket(name, session, generation);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private AuthenticationTicket? Open(TicketDataFormat format, string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var ticket = format.Unprotect(token);
        return ticket?.Properties.ExpiresUtc is { } expires && _time.GetUtcNow() < expires ? ticket : null;
    }
}

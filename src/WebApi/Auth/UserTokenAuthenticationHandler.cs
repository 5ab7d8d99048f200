using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Scheme "Bearer" for users: <c>Authorization: Bearer &lt;access token&gt;</c>. The token must open (our key ring, not
/// expired), and then its user grain must confirm, on every request, that the session is live and the security stamp
/// unchanged. So disabling a user, changing their roles or password, a logout, or a refresh token caught being reused
/// takes effect on the very next request on every web instance, instead of when the token expires. The price is one
/// read-only call to an in-memory grain per authenticated request, the same as gate keys pay; there is no cache to go
/// stale.
/// </summary>
public sealed class UserTokenAuthenticationHandler(
    IOptionsMonitor<UserTokenOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenIssuer tokens,
    TimeProvider time) : AuthenticationHandler<UserTokenOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private bool _presented;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken() is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        _presented = true;
        if (tokens.ReadAccessToken(token) is not { } access)
        {
            return AuthenticateResult.Fail("The access token is invalid or expired.");
        }

        // Resolved only now: every request passes through the default scheme, and a silo co-hosting the web API has no
        // grain factory before it has started.
        var grains = Context.RequestServices.GetRequiredService<IGrainFactory>();
        if (!await grains.GetGrain<IUserGrain>(access.Username).CheckSession(access.SessionId, access.SecurityStamp, time.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The session has ended (logout, account change, or a reused refresh token).");
        }

        return AuthenticateResult.Success(access.Ticket);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;

        // RFC 6750 §3.1: tell a client whose token was refused (rather than missing) to refresh or sign in again.
        Response.Headers.Append(HeaderNames.WWWAuthenticate, _presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Task.CompletedTask;
    }

    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim() is { Length: > 0 } token ? token : null;
        }

        if (header.Length == 0
            && Options.QueryTokenPaths.Exists(path => Request.Path.StartsWithSegments(path))
            && Request.Query["access_token"] is { Count: 1 } query)
        {
            return query.ToString();
        }

        return null;
    }
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Audit;

namespace ParkingGrains.WebApi.Auth;

/// <summary>Login, refresh, logout and "who am I".</summary>
internal static class AuthEndpoints
{
    private const int MaxUsernameInput = 256;

    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).Accepts<LoginRequest>("application/json").AllowAnonymous();
        auth.MapPost("/refresh", RefreshAsync).Accepts<RefreshRequest>("application/json").AllowAnonymous();
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization(AuthPolicies.Driver);
        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
            user.GetUsername() ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]))).RequireAuthorization(AuthPolicies.Driver);
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest? body,
        HttpContext http,
        IGrainFactory grains,
        PasswordVerifier passwords,
        LoginThrottle throttle,
        TokenIssuer tokens,
        AdminBootstrap bootstrap)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
        {
            return AuthProblems.Invalid("credentials", "A JSON body with username and password is required.");
        }

        if (body.Username.Length > MaxUsernameInput || body.Password.Length > Usernames.MaxPasswordLength)
        {
            return AuthProblems.Invalid("credentials", "Username or password is too long.");
        }

        var username = Usernames.Normalize(body.Username);
        var client = http.Connection.RemoteIpAddress;
        var decision = await throttle.TryBeginAsync(username, client);
        if (!decision.Allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"Too many failed logins for this user from this address. Try again in {seconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many login attempts");
        }

        // The first login may come before the startup run finished creating the admin.
        await bootstrap.EnsureAsync();
        var grain = Usernames.IsValid(username) ? grains.GetGrain<IUserGrain>(username) : null;
        var user = grain is null ? null : await grain.Get();
        var result = passwords.Verify(user, body.Password);
        if (grain is null || user is null || result == PasswordVerificationResult.Failed || user.Disabled)
        {
            // One answer for unknown user, wrong password and disabled account: no username probing.
            return AuthProblems.Unauthorized("Invalid username or password.");
        }

        await throttle.SucceededAsync(username, client);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await grain.Rehash(user.PasswordHash, passwords.Hash(username, body.Password));
        }

        // Null when the account changed between reading it and now (new password, roles, disabled): log in again.
        if (await grain.StartSession(tokens.NewSession(user)) is not { } grant)
        {
            return AuthProblems.Unauthorized("Invalid username or password.");
        }

        await http.AuditAsync($"user:{username}", "auth.login", $"user:{username}", null);
        AuthProblems.NoStore(http);
        return TypedResults.Ok(tokens.Issue(grant));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest? body, HttpContext http, IGrainFactory grains, TokenIssuer tokens, ILoggerFactory loggers)
    {
        if (string.IsNullOrWhiteSpace(body?.RefreshToken))
        {
            return AuthProblems.Invalid("refreshToken", "A refresh token is required.");
        }

        if (tokens.ReadRefreshToken(body.RefreshToken) is not { } ticket)
        {
            return AuthProblems.Unauthorized("The refresh token is invalid or expired.");
        }

        // The user grain decides: only the session's newest refresh token works, once; the account must still be enabled
        // and unchanged since the login (any change ends its sessions).
        var result = await grains.GetGrain<IUserGrain>(ticket.Username).Refresh(tokens.RefreshOf(ticket));
        switch (result.Outcome)
        {
            case SessionRefreshOutcome.Rotated:
                AuthProblems.NoStore(http);
                return TypedResults.Ok(tokens.Issue(result.Grant!));
            case SessionRefreshOutcome.Reused:
                loggers.CreateLogger(typeof(AuthEndpoints)).LogWarning(
                    "Refresh token generation {Generation} of a session of {Username} was used again from {RemoteIp}; the session is ended",
                    ticket.Generation,
                    ticket.Username,
                    http.Connection.RemoteIpAddress);
                await http.AuditAsync($"user:{ticket.Username}", "auth.session.revoke", $"user:{ticket.Username}", "refresh token reused");
                return AuthProblems.Unauthorized("The refresh token was already used. The session has been ended; sign in again.");
            default:
                return AuthProblems.Unauthorized("The refresh token is no longer valid.");
        }
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, ClaimsPrincipal user, IGrainFactory grains)
    {
        var username = user.GetUsername()!;
        await grains.GetGrain<IUserGrain>(username).EndSession(user.FindFirst(AuthClaimTypes.SessionId)!.Value);
        await http.AuditAsync("auth.logout", $"user:{username}");
        return TypedResults.NoContent();
    }
}

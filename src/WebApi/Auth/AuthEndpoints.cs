using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.Runtime;

namespace ParkingGrains.WebApi.Auth;

/// <summary>Login, refresh and "who am I".</summary>
internal static class AuthEndpoints
{
    private const int MaxUsernameInput = 256;

    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).Accepts<LoginRequest>("application/json").AllowAnonymous();
        auth.MapPost("/refresh", RefreshAsync).Accepts<RefreshRequest>("application/json").AllowAnonymous();
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
        AdminBootstrap bootstrap,
        TimeProvider time)
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
        var remoteIp = http.Connection.RemoteIpAddress?.ToString();
        var decision = await throttle.TryBeginAsync(username, remoteIp);
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
        var user = Usernames.IsValid(username) ? await grains.GetGrain<IUserGrain>(username).Get() : null;
        var result = passwords.Verify(user, body.Password);
        if (user is null || result == PasswordVerificationResult.Failed || user.Disabled)
        {
            // One answer for unknown user, wrong password and disabled account: no username probing.
            return AuthProblems.Unauthorized("Invalid username or password.");
        }

        await throttle.SucceededAsync(username, remoteIp);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = await grains.GetGrain<IUserGrain>(username).Update(new UserChange(null, passwords.Hash(username, body.Password), null, time.GetUtcNow())) ?? user;
        }

        AuthProblems.NoStore(http);
        return TypedResults.Ok(tokens.Issue(user));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest? body, HttpContext http, IGrainFactory grains, TokenIssuer tokens)
    {
        if (string.IsNullOrWhiteSpace(body?.RefreshToken))
        {
            return AuthProblems.Invalid("refreshToken", "A refresh token is required.");
        }

        if (tokens.ReadRefreshToken(body.RefreshToken) is not { } ticket)
        {
            return AuthProblems.Unauthorized("The refresh token is invalid or expired.");
        }

        // The user is read again: disabled users, and tokens issued before a password or role change, are refused.
        var user = await grains.GetGrain<IUserGrain>(ticket.Username).Get();
        if (user is null || user.Disabled || user.SecurityStamp != ticket.SecurityStamp)
        {
            return AuthProblems.Unauthorized("The refresh token is no longer valid.");
        }

        AuthProblems.NoStore(http);
        return TypedResults.Ok(tokens.Issue(user));
    }
}

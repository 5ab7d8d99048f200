using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ParkingGrains.Grains.Interfaces.Accounts;

namespace ParkingGrains.WebApi.Auth;

/// <summary>
/// Scheme "GateKey": a gate agent sends <c>X-Gate-Id</c> and <c>X-Gate-Key</c>; the key's SHA-256 is checked by the
/// gate's <see cref="IGateKeyGrain"/> on every request, so a rotated-out key stops working at once.
/// </summary>
public sealed class GateKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var gateId = Request.Headers[GateKeyDefaults.GateIdHeader].ToString();
        var key = Request.Headers[GateKeyDefaults.KeyHeader].ToString();
        if (gateId.Length == 0 && key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!GateKeys.IsValidGateId(gateId) || !GateKeys.TryHash(key, out var hash))
        {
            return AuthenticateResult.Fail("Malformed gate credentials.");
        }

        var check = await grains.GetGrain<IGateKeyGrain>(gateId).Verify(hash);
        if (!check.Valid)
        {
            return AuthenticateResult.Fail("Unknown gate or wrong key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"gate:{gateId}"),
                new Claim(AuthClaimTypes.GateId, gateId),
                new Claim(AuthClaimTypes.GateKeyId, check.KeyId ?? ""),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, GateKeyDefaults.AuthenticationScheme);
        return Task.CompletedTask;
    }
}

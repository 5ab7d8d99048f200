using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>
/// Access tokens are checked against the user's live sessions on every request, on every web instance; refresh
/// tokens work once, and a reused one ends its whole session.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFixture fixture)
{
    [Fact]
    public async Task DisablingAUser_RefusesTheirTokenOnTheNextRequest_OnEveryWebInstance()
    {
        await using var other = fixture.Factory.WithWebHostBuilder(_ => { });
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = await AuthApi.CreateUserAsync(admin, "disable", "operator");
        var tokens = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(fixture.Factory, tokens.AccessToken).GetAsync("/api/system/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(other, tokens.AccessToken).GetAsync("/api/system/status")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { disabled = true })).StatusCode);

        foreach (var host in new[] { fixture.Factory, other })
        {
            var refused = await AuthApi.WithToken(host, tokens.AccessToken).GetAsync("/api/system/status");
            await AuthApi.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
            Assert.Contains(refused.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter == "error=\"invalid_token\"");
        }

        await AuthApi.AssertProblemAsync(await RefreshAsync(fixture.Factory, tokens.RefreshToken), HttpStatusCode.Unauthorized);

        // Enabling the account again does not bring the old session back.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { disabled = false })).StatusCode);
        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(other, tokens.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARoleChange_TakesTheOldRoleAwayFromTheOldToken()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = await AuthApi.CreateUserAsync(admin, "demoted", "admin");
        var old = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(fixture.Factory, old.AccessToken).GetAsync("/api/users")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { roles = new[] { "operator" } })).StatusCode);

        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(fixture.Factory, old.AccessToken).GetAsync("/api/users"), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await RefreshAsync(fixture.Factory, old.RefreshToken), HttpStatusCode.Unauthorized);

        // Signed in again, the user has the new role and only that.
        var fresh = AuthApi.WithToken(fixture.Factory, (await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword)).AccessToken);
        await AuthApi.AssertProblemAsync(await fresh.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        var me = await fresh.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(["operator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task APasswordReset_EndsEverySessionOfTheUser()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = await AuthApi.CreateUserAsync(admin, "reset", "driver");
        var phone = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        var laptop = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { password = "reset-by-admin-1" })).StatusCode);

        foreach (var session in new[] { phone, laptop })
        {
            await AuthApi.AssertProblemAsync(await AuthApi.WithToken(fixture.Factory, session.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
            await AuthApi.AssertProblemAsync(await RefreshAsync(fixture.Factory, session.RefreshToken), HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Logout_EndsThatSessionOnly()
    {
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "logout", "driver");
        var leaving = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        var staying = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);

        Assert.Equal(HttpStatusCode.NoContent, (await AuthApi.WithToken(fixture.Factory, leaving.AccessToken).PostAsync("/api/auth/logout", null)).StatusCode);

        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(fixture.Factory, leaving.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await RefreshAsync(fixture.Factory, leaving.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(fixture.Factory, staying.AccessToken).GetAsync("/api/auth/me")).StatusCode);
        await RefreshOkAsync(fixture.Factory, staying.RefreshToken);

        var audit = (await (await AuthApi.AdminClientAsync(fixture)).GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=5000"))!;
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "auth.logout" && e.GetProperty("actor").GetString() == $"user:{user}");
        Assert.Equal(2, audit.Count(e => e.GetProperty("action").GetString() == "auth.login" && e.GetProperty("target").GetString() == $"user:{user}"));
    }

    [Fact]
    public async Task ARefreshTokenWorksOnce_AndEachRefreshGivesTheNextOne()
    {
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "rotate", "driver");
        var login = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);

        var second = await RefreshOkAsync(fixture.Factory, login.RefreshToken);
        var third = await RefreshOkAsync(fixture.Factory, second.RefreshToken);

        Assert.Equal(3, new[] { login.RefreshToken, second.RefreshToken, third.RefreshToken }.Distinct().Count());
        foreach (var tokens in new[] { login, second, third })
        {
            // Access tokens of the session stay good until they expire or the session ends.
            Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(fixture.Factory, tokens.AccessToken).GetAsync("/api/auth/me")).StatusCode);
        }
    }

    [Fact]
    public async Task AReusedRefreshToken_EndsTheWholeSession_AcrossWebInstances()
    {
        await using var other = fixture.Factory.WithWebHostBuilder(_ => { });
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "stolen", "driver");
        var login = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        var otherSession = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);

        // The legitimate client refreshes on one instance; a copy of the old token is then tried on another.
        var rotated = await RefreshOkAsync(other, login.RefreshToken);
        var reuse = await RefreshAsync(fixture.Factory, login.RefreshToken);

        var problem = await AuthApi.AssertProblemAsync(reuse, HttpStatusCode.Unauthorized);
        Assert.Contains("already used", problem.Detail, StringComparison.Ordinal);

        // Everything of that session is dead now, everywhere: the newest refresh token and every access token.
        await AuthApi.AssertProblemAsync(await RefreshAsync(other, rotated.RefreshToken), HttpStatusCode.Unauthorized);
        foreach (var host in new[] { fixture.Factory, other })
        {
            await AuthApi.AssertProblemAsync(await AuthApi.WithToken(host, rotated.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
            await AuthApi.AssertProblemAsync(await AuthApi.WithToken(host, login.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        }

        // The user's other session is not the one that leaked.
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(other, otherSession.AccessToken).GetAsync("/api/auth/me")).StatusCode);
        await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);

        var audit = (await (await AuthApi.AdminClientAsync(fixture)).GetFromJsonAsync<List<JsonElement>>("/api/audit?limit=5000"))!;
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "auth.session.revoke" && e.GetProperty("target").GetString() == $"user:{user}");
    }

    [Fact]
    public async Task TokensExpire_RefreshSlides_AndASessionEndsAfterItsMaximumAge()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = fixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Auth:SessionMaxDays", "10");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "expiry", "driver");
        var login = await AuthApi.LoginOkAsync(host.CreateClient(), user, AuthApi.UserPassword);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), login.ExpiresAt);

        // The access token lasts 30 minutes; the refresh token then still gets a new one.
        clock.Advance(TimeSpan.FromMinutes(30));
        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(host, login.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        var day0 = await RefreshOkAsync(host, login.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithToken(host, day0.AccessToken).GetAsync("/api/auth/me")).StatusCode);

        // A refresh token unused for 7 days has expired.
        var unused = await AuthApi.LoginOkAsync(host.CreateClient(), user, AuthApi.UserPassword);
        clock.Advance(TimeSpan.FromDays(6));
        var day6 = await RefreshOkAsync(host, day0.RefreshToken);
        clock.Advance(TimeSpan.FromDays(1));
        await AuthApi.AssertProblemAsync(await RefreshAsync(host, unused.RefreshToken), HttpStatusCode.Unauthorized);

        // Used within 7 days it slides on, but never past the session's maximum age (10 days here).
        clock.Advance(TimeSpan.FromDays(2.9));
        var day10 = await RefreshOkAsync(host, day6.RefreshToken);
        Assert.True(day10.ExpiresAt <= login.ExpiresAt.AddMinutes(-30).AddDays(10), $"{day10.ExpiresAt:O}");
        clock.Advance(TimeSpan.FromHours(3));
        await AuthApi.AssertProblemAsync(await RefreshAsync(host, day10.RefreshToken), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(host, day10.AccessToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARefreshTokenIsNotAnAccessToken()
    {
        var tokens = await AuthApi.LoginOkAsync(fixture.CreateClient(), "admin", ApiFixture.AdminPassword);

        await AuthApi.AssertProblemAsync(await AuthApi.WithToken(fixture.Factory, tokens.RefreshToken).GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> RefreshAsync(WebApplicationFactory<Program> host, string refreshToken) =>
        host.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private static async Task<TokenBody> RefreshOkAsync(WebApplicationFactory<Program> host, string refreshToken)
    {
        var response = await RefreshAsync(host, refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class LoginTests(ApiFixture fixture)
{
    [Fact]
    public async Task LoginReturnsExactlyAccessTokenExpiresAtExpiresInAndRefreshToken()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await AuthApi.LoginAsync(fixture.CreateClient(), "admin", ApiFixture.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["accessToken", "expiresAt", "expiresIn", "refreshToken"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        // Seconds from now, so a client with a wrong clock still knows when to refresh.
        Assert.InRange(json.RootElement.GetProperty("expiresIn").GetInt32(), (30 * 60) - 5, 30 * 60);
        var expiresAt = json.RootElement.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, before.AddMinutes(30).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(5));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("refreshToken").GetString()));
    }

    [Fact]
    public async Task TheAccessTokenIdentifiesTheUserAndTheUsernameIsCaseInsensitive()
    {
        var tokens = await AuthApi.LoginOkAsync(fixture.CreateClient(), "  ADMIN ", ApiFixture.AdminPassword);

        var me = await AuthApi.WithToken(fixture.Factory, tokens.AccessToken).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("admin", me.GetProperty("username").GetString());
        Assert.Equal("admin", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task WrongPasswordAndUnknownUserGetTheSame401()
    {
        var client = fixture.CreateClient();
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "wrongpw", "driver");

        var wrong = await AuthApi.LoginAsync(client, user, "not-the-password");
        var unknown = await AuthApi.LoginAsync(client, AuthApi.UniqueName("nobody"), "not-the-password");

        var wrongProblem = await AuthApi.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        var unknownProblem = await AuthApi.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(wrongProblem, unknownProblem);
    }

    [Fact]
    public async Task SixthAttemptAfterFiveFailuresIs429ButAnotherUserFromTheSameAddressIsNot()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var victim = await AuthApi.CreateUserAsync(admin, "locked", "operator");
        var bystander = await AuthApi.CreateUserAsync(admin, "bystander", "operator");
        var client = fixture.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(client, victim, "guess-" + i)).StatusCode);
        }

        var sixth = await AuthApi.LoginAsync(client, victim, "guess-6");
        await AuthApi.AssertProblemAsync(sixth, HttpStatusCode.TooManyRequests);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Blocked even with the right password until the window passes; other users are not affected.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AuthApi.LoginAsync(client, victim, AuthApi.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.LoginAsync(client, bystander, AuthApi.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task ASuccessfulLoginResetsTheFailureCount()
    {
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "reset", "driver");
        var client = fixture.CreateClient();

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(client, user, "guess")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await AuthApi.LoginAsync(client, user, AuthApi.UserPassword)).StatusCode);
        }
    }

    [Fact]
    public async Task RefreshIssuesNewWorkingTokens()
    {
        var client = fixture.CreateClient();
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "refresh", "driver");
        var first = await AuthApi.LoginOkAsync(client, user, AuthApi.UserPassword);

        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = (await response.Content.ReadFromJsonAsync<TokenBody>())!;
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        var me = await AuthApi.WithToken(fixture.Factory, second.AccessToken).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(user, me.GetProperty("username").GetString());
    }

    [Fact]
    public async Task ADisabledUserCannotRefreshOrLogIn()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var client = fixture.CreateClient();
        var user = await AuthApi.CreateUserAsync(admin, "disabled", "operator");
        var tokens = await AuthApi.LoginOkAsync(client, user, AuthApi.UserPassword);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { disabled = true })).StatusCode);

        await AuthApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await AuthApi.LoginAsync(client, user, AuthApi.UserPassword), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task APasswordChangeEndsEarlierRefreshTokens()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var client = fixture.CreateClient();
        var user = await AuthApi.CreateUserAsync(admin, "pwchange", "driver");
        var tokens = await AuthApi.LoginOkAsync(client, user, AuthApi.UserPassword);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { password = "a-new-password-456" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(client, user, AuthApi.UserPassword)).StatusCode);
        await AuthApi.LoginOkAsync(client, user, "a-new-password-456");
    }

    [Fact]
    public async Task AnAccessTokenIsNotARefreshTokenAndGarbageIsRejected()
    {
        var client = fixture.CreateClient();
        var tokens = await AuthApi.LoginOkAsync(client, "admin", ApiFixture.AdminPassword);

        await AuthApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.AccessToken }), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" }), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = new string('A', 20_000) }), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/auth/login", "{\"username\":")]
    [InlineData("/api/auth/login", "{\"username\":42,\"password\":[1]}")]
    [InlineData("/api/auth/login", "{\"username\":\"admin\"}")]
    [InlineData("/api/auth/login", "{}")]
    [InlineData("/api/auth/login", "[]")]
    [InlineData("/api/auth/login", "")]
    [InlineData("/api/auth/refresh", "{\"refreshToken\":null}")]
    [InlineData("/api/auth/refresh", "nonsense")]
    [InlineData("/api/auth/refresh", "{\"refreshToken\":\"{0}\"}")]
    public async Task BadBodiesAre400ProblemDetails(string path, string body)
    {
        // {0} stands for a body over the size limit.
        body = body.Replace("{0}", new string('A', 100_000), StringComparison.Ordinal);
        var response = await fixture.CreateClient().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await AuthApi.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>Logging in, making users and calling with tokens or gate keys, for the auth tests.</summary>
public static class AuthApi
{
    public const string UserPassword = "user-password-123";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username, password });

    public static async Task<TokenBody> LoginOkAsync(HttpClient client, string username, string password)
    {
        var response = await LoginAsync(client, username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!;
    }

    public static async Task<HttpClient> AdminClientAsync(ApiFixture fixture)
    {
        var client = fixture.CreateClient();
        var tokens = await LoginOkAsync(client, "admin", ApiFixture.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public static HttpClient WithToken(WebApplicationFactory<Program> factory, string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static HttpClient WithGateKey(WebApplicationFactory<Program> factory, string gateId, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Gate-Id", gateId);
        client.DefaultRequestHeaders.Add("X-Gate-Key", key);
        return client;
    }

    /// <summary>Creates a user through the admin API and returns its name.</summary>
    public static async Task<string> CreateUserAsync(HttpClient admin, string prefix, params string[] roles)
    {
        var username = UniqueName(prefix);
        var response = await admin.PostAsJsonAsync("/api/users", new { username, password = UserPassword, roles });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return username;
    }

    public static async Task<ProblemBody> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.Equal((int)status, problem!.Status);
        return problem;
    }
}

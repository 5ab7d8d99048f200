using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkingGrains.WebApi.Tests.Infrastructure;

/// <summary>Signed-in clients for the API tests: the bootstrap admin, users with a role, and gate agents with their key.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> AsAdminAsync(this ApiFixture fixture) =>
        await SignedInAsync(fixture, "admin", ApiFixture.AdminPassword);

    public static async Task<HttpClient> AsRoleAsync(this ApiFixture fixture, string role)
    {
        using var admin = await fixture.AsAdminAsync();
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/api/users", new { username, password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return await SignedInAsync(fixture, username, password);
    }

    public static async Task<HttpClient> AsGateAsync(this ApiFixture fixture, string gateId)
    {
        using var admin = await fixture.AsAdminAsync();
        var rotated = await admin.PostAsync($"/api/gates/{gateId}/keys/rotate", null);
        rotated.EnsureSuccessStatusCode();
        var key = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Gate-Id", gateId);
        client.DefaultRequestHeaders.Add("X-Gate-Key", key);
        return client;
    }

    private static async Task<HttpClient> SignedInAsync(ApiFixture fixture, string username, string password)
    {
        var client = fixture.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

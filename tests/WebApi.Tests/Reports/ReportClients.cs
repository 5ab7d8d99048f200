using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParkingGrains.WebApi.Tests.Reports;

/// <summary>Signed-in clients on a report host (the shared ApiClients are tied to ApiFixture).</summary>
public static class ReportClients
{
    public static Task<HttpClient> AsAdminAsync(WebApplicationFactory<Program> factory) =>
        SignedInAsync(factory, "admin", ReportsFixture.AdminPassword);

    public static async Task<HttpClient> AsRoleAsync(WebApplicationFactory<Program> factory, string role)
    {
        using var admin = await AsAdminAsync(factory);
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/api/users", new { username, password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return await SignedInAsync(factory, username, password);
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string username, string password)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Realtime;

/// <summary>
/// A web host on real Kestrel (loopback, ephemeral port) over the shared test cluster: WebSockets need a real
/// socket, which the in-memory TestServer does not have. Several of these over one cluster are several web instances.
/// </summary>
public sealed class KestrelWebHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private KestrelWebHost(WebApplicationFactory<Program> factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public static KestrelWebHost Start(ApiFixture fixture)
    {
        var (factory, address) = ClusterWebHost.StartOnKestrel(fixture.Cluster.Client, web => web.UseSetting("Auth:AdminPassword", ApiFixture.AdminPassword));
        return new KestrelWebHost(factory, address);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>A bearer token for a new user with the role (created by the bootstrap admin).</summary>
    public async Task<string> TokenForRoleAsync(string role)
    {
        using var admin = CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", ApiFixture.AdminPassword));
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.PostAsJsonAsync("/api/users", new { username, password, roles = new[] { role } })).EnsureSuccessStatusCode();
        return await LoginAsync(username, password);
    }

    /// <summary>A started hub connection over a raw ClientWebSocket, the token in the query string as browsers send it.</summary>
    public async Task<HubConnection> ConnectAsync(string? token)
    {
        var ws = new UriBuilder(Address) { Scheme = "ws", Path = "/hubs/lots", Query = token is null ? "" : $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory, WebSocketConnectionFactory>();
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(ws));
        var connection = builder.Build();
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    public async ValueTask DisposeAsync() => await ClusterWebHost.StopAsync(_factory);

    private async Task<string> LoginAsync(string username, string password)
    {
        using var client = CreateClient();

        // The admin bootstrap runs just after start: retry briefly while it is not there yet.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var login = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
            if (login.IsSuccessStatusCode)
            {
                return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }

            if (DateTime.UtcNow > deadline || login.StatusCode == HttpStatusCode.TooManyRequests)
            {
                login.EnsureSuccessStatusCode();
            }

            await Task.Delay(200);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.Silo.Tests;

/// <summary>The web API over HTTP as an operator sees it: the admin logs in (Auth:AdminPassword) and calls with the bearer token.</summary>
public sealed class RestApi : IDisposable
{
    public const string AdminPassword = "silo-tests-admin-password";

    private readonly HttpClient _http;

    private RestApi(HttpClient http) => _http = http;

    public HttpClient Http => _http;

    /// <summary>Waits until the API answers /api/health with the expected number of active silos, then logs in as admin.</summary>
    public static async Task<RestApi> ConnectAsync(string baseUrl, int activeSilos, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.OK && (await health.Content.ReadAsStringAsync()).Contains($"\"activeSilos\":{activeSilos}", StringComparison.Ordinal);
            }, timeout ?? TimeSpan.FromSeconds(60), $"{baseUrl}/api/health reports {activeSilos} active silos");

            // The admin user is created by a hosted service at start; log in once it exists.
            var token = await Eventually.ReturnsAsync(async () =>
            {
                using var login = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = "admin", password = AdminPassword });
                return login.StatusCode == HttpStatusCode.OK ? (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString() : null;
            }, t => t is not null, TimeSpan.FromSeconds(30), "the admin can log in");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new RestApi(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public async Task<JsonElement> EnterAsync(string gateId, string eventId, string plate)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"/api/gates/{gateId}/entry", UriKind.Relative), new { eventId, plate, vehicleClass = nameof(VehicleClass.Car) });
        return await ReadOkAsync(response);
    }

    public async Task<JsonElement> ExitAsync(string gateId, string eventId, string plate)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"/api/gates/{gateId}/exit", UriKind.Relative), new { eventId, plate });
        return await ReadOkAsync(response);
    }

    public async Task<JsonElement> SessionsAsync(string lotId)
    {
        using var response = await _http.GetAsync(new Uri($"/api/lots/{lotId}/sessions", UriKind.Relative));
        return await ReadOkAsync(response);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ParkingGrains.WebApi.Tests.Admin;

/// <summary>Small lots made through the API, and requests with If-Match, for the admin CRUD tests.</summary>
public static class AdminApi
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>A lot's layout as JSON: floor G, gates {lot}-in / {lot}-out, car slots c1.. with distances i and 10+i.</summary>
    public static object Layout(string lotId, int cars) => new
    {
        lotId,
        name = $"Lot {lotId}",
        timeZoneId = "Europe/Berlin",
        currency = "EUR",
        floors = new[] { new { floorId = "G", name = "Ground", level = 0 } },
        gates = new[]
        {
            new { gateId = $"{lotId}-in", name = "Entry", direction = "In", lane = 1 },
            new { gateId = $"{lotId}-out", name = "Exit", direction = "Out", lane = 2 },
        },
        slots = Enumerable.Range(1, cars).Select(i => new
        {
            slotId = $"c{i}",
            floorId = "G",
            number = $"C{i}",
            size = "Car",
            ev = false,
            accessible = false,
            gateDistances = new Dictionary<string, double> { [$"{lotId}-in"] = i, [$"{lotId}-out"] = 10 + i },
        }),
        settings = new { allocationStrategy = "BestFitNearest", overflowRules = Array.Empty<object>(), plateAlreadyInside = "Deny" },
    };

    public static object Tariff(decimal firstPrice = 2.00m) => new
    {
        currency = "EUR",
        rates = new[]
        {
            new { vehicleClass = "Car", gracePeriod = "00:10:00", firstPeriod = "01:00:00", firstPeriodPrice = firstPrice, laterPeriod = "01:00:00", laterPeriodPrice = 1.50m },
        },
    };

    /// <summary>Creates a lot through POST /api/lots and returns its id.</summary>
    public static async Task<string> CreateLotAsync(HttpClient admin, int cars = 3, string prefix = "adm")
    {
        var lotId = UniqueId(prefix);
        var response = await admin.PostAsJsonAsync("/api/lots", new { layout = Layout(lotId, cars), tariff = Tariff() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return lotId;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>GET that must succeed; returns the body and the ETag.</summary>
    public static async Task<(JsonElement Body, string ETag)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), ETagOf(response));
    }

    public static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"no ETag on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    /// <summary>Asserts a problem-details answer with the status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>The codes of a layout problem answer (its "problems" list).</summary>
    public static List<string> Codes(JsonElement problem) =>
        problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();

    public static async Task<List<AuditBody>> AuditAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<AuditBody>>("/api/audit?limit=5000"))!;
}

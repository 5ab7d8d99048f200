using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;
using static ParkingGrains.WebApi.Tests.Admin.AdminApi;

namespace ParkingGrains.WebApi.Tests.Admin;

/// <summary>Lots as admins create, read, change and delete them through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class LotAdminApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task ALot_IsCreatedReadChangedAndDeleted_WithRevisionsAsETags_AndEveryWriteAudited()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = UniqueId("lot");
        var created = await admin.PostAsJsonAsync("/api/lots", new { layout = Layout(lotId, cars: 2), tariff = Tariff() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/lots/{lotId}/configuration", created.Headers.Location?.ToString());
        var createdETag = ETagOf(created);

        var (configuration, etag) = await GetAsync(admin, $"/api/lots/{lotId}/configuration");
        Assert.Equal(createdETag, etag);
        Assert.Equal($"\"{configuration.GetProperty("revision").GetInt64()}\"", etag);
        Assert.Equal(2, configuration.GetProperty("layout").GetProperty("slots").GetArrayLength());
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/lots")).EnumerateArray(), l => l.GetProperty("lotId").GetString() == lotId);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}")).GetProperty("classes").GetProperty("Car").GetProperty("free").GetInt32());

        await ProblemAsync(await admin.PostAsJsonAsync("/api/lots", new { layout = Layout(lotId, cars: 5), tariff = Tariff() }), HttpStatusCode.Conflict);

        var rename = new { name = "Renamed lot", settings = new { allocationStrategy = "RoundRobin", overflowRules = Array.Empty<object>(), plateAlreadyInside = "Flag" } };
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}", rename), HttpStatusCode.PreconditionRequired);
        var renamed = await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}", rename, etag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var renamedETag = ETagOf(renamed);
        Assert.NotEqual(etag, renamedETag);
        var afterRename = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed lot", afterRename.GetProperty("layout").GetProperty("name").GetString());
        Assert.Equal("RoundRobin", afterRename.GetProperty("layout").GetProperty("settings").GetProperty("allocationStrategy").GetString());
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/lots")).EnumerateArray(), l => l.GetProperty("lotId").GetString() == lotId && l.GetProperty("name").GetString() == "Renamed lot");

        // The first ETag is stale now: a second admin working from it is told, not overwritten.
        var stale = await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}", new { name = "Other name" }, etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(renamedETag, $"\"{stale.GetProperty("currentVersion").GetInt64()}\"");

        // A new currency alone would leave the tariff charging the old one; with a tariff in it, it applies.
        var currencyOnly = await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}", new { currency = "VND" }, renamedETag), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("CurrencyMismatch", Codes(currencyOnly));
        var vndTariff = new { currency = "VND", rates = new[] { new { vehicleClass = "Car", gracePeriod = "00:15:00", firstPeriod = "01:00:00", firstPeriodPrice = 30000, laterPeriod = "01:00:00", laterPeriodPrice = 20000 } } };
        var toVnd = await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}", new { currency = "VND", timeZoneId = "Asia/Ho_Chi_Minh", tariff = vndTariff }, renamedETag);
        Assert.Equal(HttpStatusCode.OK, toVnd.StatusCode);
        var (tariff, deleteETag) = await GetAsync(admin, $"/api/lots/{lotId}/tariff");
        Assert.Equal("VND", tariff.GetProperty("currency").GetString());

        await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}"), HttpStatusCode.PreconditionRequired);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}", ifMatch: etag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}", ifMatch: deleteETag)).StatusCode);

        await ProblemAsync(await admin.GetAsync($"/api/lots/{lotId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync($"/api/lots/{lotId}/configuration"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync($"/api/gates/{lotId}-in"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/lots")).EnumerateArray(), l => l.GetProperty("lotId").GetString() == lotId);

        var audit = await AuditAsync(admin);
        foreach (var action in new[] { "lot.create", "lot.update", "lot.delete" })
        {
            Assert.Contains(audit, e => e.Action == action && e.Target == $"lot:{lotId}" && e.Actor == "user:admin");
        }

        Assert.Equal(2, audit.Count(e => e.Action == "lot.update" && e.Target == $"lot:{lotId}"));
        Assert.Contains(audit, e => e.Action == "lot.update" && e.Target == $"lot:{lotId}" && e.Detail!.Contains("currency=VND", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletingALotWithAVehicleInside_Is409_AfterTheVehicleLeftItIsDeleted_AndTheIdCanBeCreatedAgain()
    {
        using var admin = await fixture.AsAdminAsync();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var lotId = await CreateLotAsync(admin, cars: 2);
        var entry = await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-in/entry", new { eventId = UniqueId("e"), plate = "DEL-1", vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(entry.GetProperty("allowed").GetBoolean());
        var (_, etag) = await GetAsync(admin, $"/api/lots/{lotId}/configuration");

        var refused = await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}", ifMatch: etag), HttpStatusCode.Conflict);
        Assert.Contains("1 vehicle(s) inside", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/lots/{lotId}")).StatusCode);

        var sessionId = entry.GetProperty("sessionId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/lots/{lotId}/sessions/{sessionId}/force-exit", new { eventId = UniqueId("f"), reason = "closing" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}", ifMatch: etag)).StatusCode);

        var again = await admin.PostAsJsonAsync("/api/lots", new { layout = Layout(lotId, cars: 1), tariff = Tariff() });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-in/entry", new { eventId = UniqueId("e"), plate = "DEL-2", vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(entry.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task CreatingAnInvalidLot_Is422WithEveryProblem_AMissingPartIs400_AndAnotherLotsGateIs409()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = UniqueId("bad");
        var layout = JsonSerializer.SerializeToNode(Layout(lotId, cars: 2), JsonSerializerOptions.Web)!;
        layout["timeZoneId"] = "Mars/Olympus_Mons";
        layout["slots"]![0]!["slotId"] = "c 1/x";
        layout["slots"]![1]!["gateDistances"]![$"{lotId}-in"] = -3;
        var badTariff = new { currency = "EUR", rates = Array.Empty<object>() };

        var problem = await ProblemAsync(await admin.PostAsJsonAsync("/api/lots", new { layout, tariff = badTariff }), HttpStatusCode.UnprocessableEntity);

        var codes = Codes(problem);
        Assert.Contains("InvalidId", codes);
        Assert.Contains("UnknownTimeZone", codes);
        Assert.Contains("NegativeDistance", codes);
        Assert.Contains("InvalidTariff", codes);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Count() >= 4);
        await ProblemAsync(await admin.GetAsync($"/api/lots/{lotId}/configuration"), HttpStatusCode.NotFound);

        await ProblemAsync(await admin.PostAsJsonAsync("/api/lots", new { tariff = Tariff() }), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/lots", Json("{\"layout\": ")), HttpStatusCode.BadRequest);

        var stealing = JsonSerializer.SerializeToNode(Layout(UniqueId("steal"), cars: 1), JsonSerializerOptions.Web)!;
        stealing["gates"]![0]!["gateId"] = "ber-in";
        stealing["slots"]![0]!["gateDistances"] = new System.Text.Json.Nodes.JsonObject { ["ber-in"] = 1, [$"{stealing["lotId"]}-out"] = 2 };
        var taken = await ProblemAsync(await admin.PostAsJsonAsync("/api/lots", new { layout = stealing, tariff = Tariff() }), HttpStatusCode.Conflict);
        Assert.Contains("demo-berlin", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminResources_AreDescribedInTheOpenApiDocument()
    {
        // Tariffs are request bodies here: their TimeSpan fields once made the schema exporter throw (a 500 for the whole document).
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "/api/lots/{lotId}/configuration", "/api/lots/{lotId}/layout/floors/{floorId}", "/api/lots/{lotId}/layout/gates/{gateId}",
                "/api/lots/{lotId}/layout/slots/{slotId}", "/api/lots/{lotId}/tariff", "/api/cards/{cardId}/block",
            },
            paths);
    }

    [Fact]
    public async Task UnknownLots_Are404_OnEveryAdminResource()
    {
        using var admin = await fixture.AsAdminAsync();
        const string lot = "/api/lots/no-such-lot";
        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Get, $"{lot}/configuration", null),
                     (HttpMethod.Get, $"{lot}/layout", null),
                     (HttpMethod.Put, lot, new { name = "x" }),
                     (HttpMethod.Delete, lot, null),
                     (HttpMethod.Get, $"{lot}/layout/floors", null),
                     (HttpMethod.Post, $"{lot}/layout/floors", new { floorId = "F", name = "F" }),
                     (HttpMethod.Get, $"{lot}/layout/gates/g", null),
                     (HttpMethod.Get, $"{lot}/layout/slots", null),
                     (HttpMethod.Put, $"{lot}/layout/slots/s1", new { number = "1" }),
                     (HttpMethod.Get, $"{lot}/tariff", null),
                     (HttpMethod.Put, $"{lot}/tariff", Tariff()),
                     (HttpMethod.Get, "/api/lots/demo-berlin/layout/slots/no-such-slot", null),
                     (HttpMethod.Get, "/api/lots/demo-berlin/layout/floors/no-such-floor", null),
                     (HttpMethod.Get, "/api/lots/demo-berlin/layout/gates/no-such-gate", null),
                 })
        {
            var response = await SendAsync(admin, method, url, body, ifMatch: "\"1\"");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}

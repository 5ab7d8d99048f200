using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Admin;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Errors;

/// <summary>
/// What the API refuses before any grain is asked: bodies it cannot read (400 naming the field), ids in the URL that
/// are too long or hold invisible characters (400 naming the parameter), bodies over the endpoint's limit (413), and
/// answers that never repeat a long input.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputAtTheDoorTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("{\"eventId\": \"e1\", \"vehicleClass\": \"Spaceship\"}", "vehicleClass")]
    [InlineData("{\"eventId\": \"e1\", \"vehicleClass\": \"Car\", \"time\": \"yesterday\"}", "time")]
    [InlineData("{\"eventId\": 12, \"vehicleClass\": \"Car\"}", "eventId")]
    [InlineData("{\"eventId\": \"e1\", \"plate\": ", "body")]
    [InlineData("{\"eventId\": \"\", \"plate\": \"X1\", \"vehicleClass\": \"Car\"}", "eventId")]
    public async Task ABodyThatCannotBeRead_Is400NamingTheField(string json, string field)
    {
        using var operatorClient = await fixture.AsRoleAsync("operator");

        var response = await operatorClient.PostAsync("/api/gates/ber-in/entry", new StringContent(json, Encoding.UTF8, "application/json"));

        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task AWrongTypeInTheQuery_Is400NamingTheParameter()
    {
        using var operatorClient = await fixture.AsRoleAsync("operator");

        var errors = await ErrorsAsync(await operatorClient.GetAsync("/api/lots/demo-berlin/alerts?limit=many"));

        Assert.True(errors.TryGetProperty("limit", out _), errors.ToString());
    }

    [Theory]
    [InlineData("/api/lots/{0}", "lotId")]
    [InlineData("/api/lots/demo-berlin/layout/slots/{0}", "slotId")]
    [InlineData("/api/gates/{0}", "gateId")]
    [InlineData("/api/cards/{0}", "cardId")]
    public async Task AnIdTooLongForAnyGrain_Is400NamingTheParameter_WithoutRepeatingIt(string template, string parameter)
    {
        using var admin = await fixture.AsAdminAsync();
        var id = new string('x', 5_000);

        var response = await admin.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));

        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
        Assert.DoesNotContain(new string('x', 100), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo\u202Eberlin")] // right-to-left override
    [InlineData("demo\u200Bberlin")] // zero-width space
    [InlineData("demo\u0007berlin")] // bell
    public async Task AnIdWithInvisibleCharacters_Is400NamingTheParameter(string lotId)
    {
        var response = await fixture.CreateClient().GetAsync($"/api/lots/{Uri.EscapeDataString(lotId)}");

        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty("lotId", out _), errors.ToString());
    }

    [Fact]
    public async Task A404_RepeatsAnIdOnlyUpToItsBound()
    {
        var id = new string('q', 64);

        var response = await fixture.CreateClient().GetAsync($"/api/lots/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 1_000);
    }

    [Fact]
    public async Task ACommandBodyOverItsLimit_Is413_WhileALayoutMayBeLarger()
    {
        using var admin = await fixture.AsAdminAsync();
        var command = await admin.PostAsync("/api/gates/ber-in/entry", AdminApi.Json(JsonSerializer.Serialize(new { eventId = "big", plate = new string('P', 100_000), vehicleClass = "Car" })));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, command.StatusCode);

        // A lot of 2,000 slots is a few hundred kilobytes of JSON: accepted.
        var lotId = AdminApi.UniqueId("big");
        var body = JsonSerializer.Serialize(new { layout = AdminApi.Layout(lotId, 2_000), tariff = AdminApi.Tariff() });
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 100_000, 1_000_000);
        var created = await admin.PostAsync("/api/lots", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task AFloorWithAnInvisibleNameOrAnAbsurdLevel_Is422NamingTheField()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = await AdminApi.CreateLotAsync(admin, prefix: "txt");

        var bidi = await AdminApi.ProblemAsync(await admin.PostAsJsonAsync($"/api/lots/{lotId}/layout/floors",
            new { floorId = "B1", name = "Basement \u202E1", level = -1 }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(bidi.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith(".name", StringComparison.Ordinal));

        var deep = await AdminApi.ProblemAsync(await admin.PostAsJsonAsync($"/api/lots/{lotId}/layout/floors",
            new { floorId = "B2", name = "Basement", level = int.MinValue }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(deep.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith(".level", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}

using ParkingGrains.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Lots;

/// <summary>The domain API end to end: HTTP → web host → cluster client → grains, with auth and problem details.</summary>
[Collection(ApiCollection.Name)]
public sealed class LotApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task LotsAndFreeCounts_ArePublic_UnknownLotsAre404ProblemDetails()
    {
        var anonymous = fixture.CreateClient();
        var lots = await anonymous.GetFromJsonAsync<JsonElement>("/api/lots");
        Assert.Contains(lots.EnumerateArray(), l => l.GetProperty("lotId").GetString() == "demo-saigon");

        var status = await anonymous.GetFromJsonAsync<JsonElement>("/api/lots/demo-berlin");
        Assert.True(status.GetProperty("configured").GetBoolean());

        var missing = await anonymous.GetAsync("/api/lots/no-such-lot");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GateEntryAndExit_NeedAnOperatorOrThatGatesOwnKey()
    {
        var body = new { eventId = $"api-{Guid.NewGuid():N}", plate = "B-AB 1234", vehicleClass = "Car" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().PostAsJsonAsync("/api/gates/ber-in/entry", body)).StatusCode);

        using var otherGate = await fixture.AsGateAsync("ber-out");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherGate.PostAsJsonAsync("/api/gates/ber-in/entry", body)).StatusCode);

        using var driver = await fixture.AsRoleAsync("driver");
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.PostAsJsonAsync("/api/gates/ber-in/entry", body)).StatusCode);

        using var gate = await fixture.AsGateAsync("ber-in");
        var entry = await (await gate.PostAsJsonAsync("/api/gates/ber-in/entry", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(entry.GetProperty("allowed").GetBoolean());
        var ticket = entry.GetProperty("ticket").GetString();

        // The same eventId again: the original decision, not a second stay.
        var repeat = await (await gate.PostAsJsonAsync("/api/gates/ber-in/entry", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ticket, repeat.GetProperty("ticket").GetString());

        using var operatorClient = await fixture.AsRoleAsync("operator");
        var exit = await (await operatorClient.PostAsJsonAsync("/api/gates/ber-out/exit", new { eventId = $"x-{Guid.NewGuid():N}", ticket })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(exit.GetProperty("open").GetBoolean()); // within the 10-minute grace period
    }

    [Fact]
    public async Task BadInput_Gets4xxProblemDetails_NeverA500()
    {
        using var operatorClient = await fixture.AsRoleAsync("operator");
        async Task<HttpResponseMessage> Post(string json) =>
            await operatorClient.PostAsync("/api/gates/ber-in/entry", new StringContent(json, Encoding.UTF8, "application/json"));

        var malformed = await Post("{\"eventId\": \"x\", \"plate\": ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("{\"eventId\": 12, \"vehicleClass\": \"Spaceship\"}")).StatusCode);
        var noEventId = await Post("{\"eventId\": \"\", \"plate\": \"X1\", \"vehicleClass\": \"Car\"}");
        Assert.Equal(HttpStatusCode.BadRequest, noEventId.StatusCode);
        Assert.Equal("application/problem+json", noEventId.Content.Headers.ContentType?.MediaType);
        var huge = await Post($"{{\"eventId\": \"{new string('x', 2 * 1024 * 1024)}\"}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsJsonAsync("/api/gates/nope/entry", new { eventId = "e", plate = "A", vehicleClass = "Car" })).StatusCode);
    }

    [Fact]
    public async Task AnInvalidLayout_Is422WithEveryProblem_AndOnlyAdminsMayConfigure()
    {
        using var admin = await fixture.AsAdminAsync();
        var layout = await admin.GetFromJsonAsync<JsonElement>("/api/lots/demo-berlin/layout");
        var broken = JsonSerializer.Serialize(new { layout, tariff = new { currency = "", rates = Array.Empty<object>() } });
        using var operatorClient = await fixture.AsRoleAsync("operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PutAsync("/api/lots/demo-berlin/configuration", new StringContent(broken, Encoding.UTF8, "application/json"))).StatusCode);

        var response = await admin.PutAsync("/api/lots/demo-berlin/configuration", new StringContent(broken, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task VietQr_ReturnsThePayloadAndAPng_AndRejectsABadBankBin()
    {
        using var driver = await fixture.AsRoleAsync("driver");
        var ok = await driver.PostAsJsonAsync("/api/payments/vietqr", new { bankBin = "970422", accountNumber = "VQRQADAIJ5512", amount = 7000, purpose = "TL89 100" });
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346", body.GetProperty("payload").GetString());
        Assert.StartsWith("iVBORw0KGgo", body.GetProperty("pngBase64").GetString());

        var bad = await driver.PostAsJsonAsync("/api/payments/vietqr", new { bankBin = "9704", accountNumber = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OperatorViews_AndGateCommands_AreRecordedWithTheOperator()
    {
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var slots = await operatorClient.GetFromJsonAsync<JsonElement>("/api/lots/demo-saigon/slots");
        Assert.Equal(300, slots.GetArrayLength());

        // Commands need the gate's agent online (else 409); its heartbeat comes over the cluster client.
        await fixture.Cluster.Client.HeartbeatAsAgentAsync("sgn-out-1");
        var opened = await operatorClient.PostAsJsonAsync("/api/gates/sgn-out-1/commands", new { eventId = $"cmd-{Guid.NewGuid():N}", kind = "Open", durationSeconds = 30, reason = "ambulance" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var gate = await operatorClient.GetFromJsonAsync<JsonElement>("/api/gates/sgn-out-1");
        Assert.Equal("Open", gate.GetProperty("barrier").GetString());

        var status = await operatorClient.GetFromJsonAsync<JsonElement>("/api/system/status");
        Assert.Equal(2, status.GetProperty("silos").GetArrayLength());
    }
}

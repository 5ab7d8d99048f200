using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;
using static ParkingGrains.WebApi.Tests.Admin.AdminApi;

namespace ParkingGrains.WebApi.Tests.Admin;

/// <summary>Access cards through the API: what admins do to them is what the gates then decide by.</summary>
[Collection(ApiCollection.Name)]
public sealed class CardApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task ACard_IsCreatedListedChangedBlockedUnblockedAndDeleted_AndTheGateFollows()
    {
        using var admin = await fixture.AsAdminAsync();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var lotId = await CreateLotAsync(admin, cars: 3);
        var otherLot = await CreateLotAsync(admin, cars: 1);
        var cardId = UniqueId("card");
        var now = DateTimeOffset.UtcNow;

        var created = await admin.PostAsJsonAsync("/api/cards", new
        {
            cardId, kind = "Subscriber", holderName = "Nguyen Van A", plates = new[] { " 51F-123.45 " }, lotIds = new[] { lotId },
            validFrom = now.AddDays(-1), validTo = now.AddDays(30), quota = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var card = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Subscriber", "51F-123.45"), (card.GetProperty("kind").GetString(), card.GetProperty("plates")[0].GetString()));
        Assert.Equal($"\"{card.GetProperty("version").GetInt64()}\"", ETagOf(created));
        await ProblemAsync(await admin.PostAsJsonAsync("/api/cards", new { cardId, kind = "Visitor", holderName = "X", validFrom = now, validTo = now.AddDays(1) }), HttpStatusCode.Conflict);

        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>($"/api/cards?lotId={lotId}")).EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>($"/api/cards?lotId={otherLot}")).EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/cards")).EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId);

        var (_, etag) = await GetAsync(admin, $"/api/cards/{cardId}");
        var changed = await SendAsync(admin, HttpMethod.Put, $"/api/cards/{cardId}", new { holderName = "Nguyen Van B", quota = 2 }, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var (afterChange, changedETag) = await GetAsync(admin, $"/api/cards/{cardId}");
        Assert.Equal(("Nguyen Van B", 2), (afterChange.GetProperty("holderName").GetString(), afterChange.GetProperty("quota").GetInt32()));
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/cards/{cardId}", new { quota = 3 }, etag), HttpStatusCode.PreconditionFailed);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/cards/{cardId}", new { quota = 3 }), HttpStatusCode.PreconditionRequired);

        var blocked = await admin.PostAsJsonAsync($"/api/cards/{cardId}/block", new { reason = "reported stolen" });
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.True((await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blocked").GetBoolean());
        var denied = await Enter(operatorClient, lotId, cardId);
        Assert.Equal((false, "CardBlocked"), (denied.GetProperty("allowed").GetBoolean(), denied.GetProperty("reason").GetString()));
        Assert.Contains("reported stolen", denied.GetProperty("reasonText").GetString(), StringComparison.Ordinal);
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/cards")).EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId && c.GetProperty("blocked").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/cards/{cardId}/unblock", null)).StatusCode);
        Assert.True((await Enter(operatorClient, lotId, cardId)).GetProperty("allowed").GetBoolean());
        Assert.Equal("CardNotValidHere", (await Enter(operatorClient, otherLot, cardId)).GetProperty("reason").GetString());

        var (_, beforeDelete) = await GetAsync(admin, $"/api/cards/{cardId}");
        Assert.NotEqual(changedETag, beforeDelete);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"/api/cards/{cardId}", ifMatch: changedETag), HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/api/cards/{cardId}", ifMatch: beforeDelete)).StatusCode);
        await ProblemAsync(await admin.GetAsync($"/api/cards/{cardId}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/cards")).EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId);
        Assert.Equal("CardUnknown", (await Enter(operatorClient, lotId, cardId, plate: "OTHER-9")).GetProperty("reason").GetString());

        var audit = await AuditAsync(admin);
        foreach (var action in new[] { "card.create", "card.update", "card.block", "card.unblock", "card.delete" })
        {
            Assert.Contains(audit, e => e.Action == action && e.Target == $"card:{cardId}" && e.Actor == "user:admin");
        }

        Assert.Contains(audit, e => e.Action == "card.block" && e.Target == $"card:{cardId}" && e.Detail!.Contains("reported stolen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInvalidCard_Is422WithEveryProblem_UnknownCardsAre404_AndBadBodiesAre400()
    {
        using var admin = await fixture.AsAdminAsync();
        var now = DateTimeOffset.UtcNow;

        var problem = await ProblemAsync(await admin.PostAsJsonAsync("/api/cards", new
        {
            cardId = "bad card/1", kind = "Subscriber", holderName = " ", lotIds = new[] { "no-such-lot" },
            validFrom = now, validTo = now.AddDays(-1), quota = 0,
        }), HttpStatusCode.UnprocessableEntity);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "cardId", "holderName", "lotIds", "validTo", "quota" }, fields);
        Assert.Contains("no-such-lot", problem.GetProperty("errors").GetProperty("lotIds").GetRawText(), StringComparison.Ordinal);

        await ProblemAsync(await admin.GetAsync("/api/cards/no-such-card"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.PostAsJsonAsync("/api/cards/no-such-card/block", new { reason = "lost" }), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.PostAsync("/api/cards/no-such-card/unblock", null), HttpStatusCode.NotFound);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, "/api/cards/no-such-card", new { quota = 1 }, "\"1\""), HttpStatusCode.NotFound);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, "/api/cards/no-such-card", ifMatch: "\"1\""), HttpStatusCode.NotFound);

        var cardId = UniqueId("c400");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/cards", new { cardId, kind = "Visitor", holderName = "V", validFrom = now, validTo = now.AddDays(1) })).StatusCode);
        await ProblemAsync(await admin.PostAsJsonAsync($"/api/cards/{cardId}/block", new { reason = "" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/cards", Json("{\"cardId\": \"x\", \"kind\": \"Gold\"}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/cards", Json("{\"cardId\": \"x\", \"validTo\": \"tomorrow\"}")), HttpStatusCode.BadRequest);
        var (_, etag) = await GetAsync(admin, $"/api/cards/{cardId}");
        var invalidChange = await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/cards/{cardId}", new { kind = "Subscriber", quota = 0 }, etag), HttpStatusCode.UnprocessableEntity);
        Assert.True(invalidChange.GetProperty("errors").TryGetProperty("quota", out _));
    }

    private static async Task<JsonElement> Enter(HttpClient operatorClient, string lotId, string cardId, string plate = "51F-123.45") =>
        await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-in/entry", new { eventId = UniqueId("e"), plate, cardId, vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
}

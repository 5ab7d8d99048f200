using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;
using static ParkingGrains.WebApi.Tests.Admin.AdminApi;

namespace ParkingGrains.WebApi.Tests.Admin;

/// <summary>Floors, gates, slots and tariffs of a lot, changed one at a time through the API and applied whole by the lot.</summary>
[Collection(ApiCollection.Name)]
public sealed class LayoutAdminApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Slots_AreAddedReadChangedAndDeleted_AndTheLiveLotFollows()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = await CreateLotAsync(admin, cars: 2);
        var slots = $"/api/lots/{lotId}/layout/slots";
        var newSlot = new { slotId = "v1", floorId = "G", number = "V1", size = "Van", ev = true, accessible = false,
            gateDistances = new Dictionary<string, double> { [$"{lotId}-in"] = 7.5, [$"{lotId}-out"] = 3 } };

        var created = await admin.PostAsJsonAsync(slots, newSlot);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{slots}/v1", created.Headers.Location?.ToString());
        var (list, etag) = await GetAsync(admin, slots);
        Assert.Equal(ETagOf(created), etag);
        Assert.Equal(["c1", "c2", "v1"], list.EnumerateArray().Select(s => s.GetProperty("slotId").GetString()));
        var (slot, _) = await GetAsync(admin, $"{slots}/v1");
        Assert.Equal(7.5, slot.GetProperty("gateDistances").GetProperty($"{lotId}-in").GetDouble());

        // The lot itself has it: the operator's slot map and the public free counts.
        var status = await admin.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}");
        Assert.Equal(1, status.GetProperty("classes").GetProperty("Van").GetProperty("free").GetInt32());
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}/slots")).EnumerateArray(), s => s.GetProperty("slotId").GetString() == "v1");

        var changed = await SendAsync(admin, HttpMethod.Put, $"{slots}/v1", new { size = "Bus", number = "B1" }, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Bus", "B1", true), (body.GetProperty("size").GetString(), body.GetProperty("number").GetString(), body.GetProperty("ev").GetBoolean()));
        Assert.Equal(3, body.GetProperty("gateDistances").GetProperty($"{lotId}-out").GetDouble());

        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"{slots}/v1", new { slotId = "other", number = "X" }, ETagOf(changed)), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"{slots}/v1", ifMatch: ETagOf(changed))).StatusCode);
        await ProblemAsync(await admin.GetAsync($"{slots}/v1"), HttpStatusCode.NotFound);
        var (_, afterDelete) = await GetAsync(admin, slots);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{slots}/v1", ifMatch: afterDelete), HttpStatusCode.NotFound);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/lots/{lotId}")).GetProperty("classes").TryGetProperty("Bus", out _));

        var audit = await AuditAsync(admin);
        Assert.Contains(audit, e => e.Action == "lot.slot.create" && e.Target == $"lot:{lotId}/slot:v1" && e.Detail!.Contains("Van", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "lot.slot.update" && e.Target == $"lot:{lotId}/slot:v1" && e.Detail!.Contains("Bus", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "lot.slot.delete" && e.Target == $"lot:{lotId}/slot:v1");

        // The handler's own entry replaces the API group's generic one: each write is audited once.
        Assert.DoesNotContain(audit, e => e.Action.StartsWith("POST /api/lots/{lotId}/layout/slots", StringComparison.Ordinal) && e.Target.Contains(lotId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInvalidSlot_Is422WithEveryProblemListed_AndNothingIsApplied()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = await CreateLotAsync(admin, cars: 2);
        var (_, before) = await GetAsync(admin, $"/api/lots/{lotId}/configuration");
        var invalid = new
        {
            slotId = "c1",
            floorId = "nowhere",
            number = "C9",
            size = "Car",
            gateDistances = new Dictionary<string, double> { [$"{lotId}-in"] = -4, [$"{lotId}-out"] = 2, ["ghost-gate"] = 5 },
        };

        var problem = await ProblemAsync(await admin.PostAsJsonAsync($"/api/lots/{lotId}/layout/slots", invalid), HttpStatusCode.UnprocessableEntity);

        var codes = Codes(problem);
        Assert.Contains("DuplicateSlotId", codes);
        Assert.Contains("NegativeDistance", codes);
        Assert.Contains("UnknownGate", codes);
        Assert.Contains("UnknownFloor", codes);
        var locations = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("$.slots[c1].gateDistances.ghost-gate", locations);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()), m => m.GetString()!.StartsWith("NegativeDistance: ", StringComparison.Ordinal));
        var (layout, after) = await GetAsync(admin, $"/api/lots/{lotId}/layout");
        Assert.Equal(before, after);
        Assert.Equal(2, layout.GetProperty("slots").GetArrayLength());

        // Bad ids, a missing size and malformed or mistyped JSON are the caller's too, never a 500.
        var badId = await ProblemAsync(await admin.PostAsJsonAsync($"/api/lots/{lotId}/layout/slots", new { slotId = "a/b", floorId = "G", number = "Z" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("InvalidId", Codes(badId));
        Assert.Contains("MissingSize", Codes(badId));
        Assert.Contains("MissingGateDistance", Codes(badId));
        await ProblemAsync(await admin.PostAsync($"/api/lots/{lotId}/layout/slots", Json("{\"slotId\": \"x\", \"size\": \"Spaceship\"}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync($"/api/lots/{lotId}/layout/slots", Json("{\"slotId\": ")), HttpStatusCode.BadRequest);
        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}/layout/slots/c1", new { ev = true }, "not-an-etag"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TwoAdminsEditingAtOnce_TheStaleOneGets412_AndNothingIsOverwritten()
    {
        using var alice = await fixture.AsAdminAsync();
        using var bob = await fixture.AsAdminAsync();
        var lotId = await CreateLotAsync(alice, cars: 2);
        var slot = $"/api/lots/{lotId}/layout/slots/c1";
        var (_, aliceETag) = await GetAsync(alice, slot);
        var (_, bobETag) = await GetAsync(bob, slot);
        Assert.Equal(aliceETag, bobETag);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(alice, HttpMethod.Put, slot, new { size = "Van" }, aliceETag)).StatusCode);
        var stale = await ProblemAsync(await SendAsync(bob, HttpMethod.Put, slot, new { ev = true }, bobETag), HttpStatusCode.PreconditionFailed);

        var (current, currentETag) = await GetAsync(bob, slot);
        Assert.Equal(("Van", false), (current.GetProperty("size").GetString(), current.GetProperty("ev").GetBoolean()));
        Assert.Equal(currentETag, $"\"{stale.GetProperty("currentVersion").GetInt64()}\"");
        await ProblemAsync(await SendAsync(bob, HttpMethod.Put, slot, new { ev = true }), HttpStatusCode.PreconditionRequired);
        await ProblemAsync(await SendAsync(bob, HttpMethod.Delete, slot, ifMatch: bobETag), HttpStatusCode.PreconditionFailed);
        await ProblemAsync(await SendAsync(bob, HttpMethod.Put, $"/api/lots/{lotId}/tariff", Tariff(9m), bobETag), HttpStatusCode.PreconditionFailed);

        // An addition without If-Match is made on the layout as it is now, so it never undoes Alice's change.
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync($"/api/lots/{lotId}/layout/floors", new { floorId = "L1", name = "Level 1", level = 1 })).StatusCode);
        Assert.Equal("Van", (await GetAsync(bob, slot)).Body.GetProperty("size").GetString());

        // Both at once from the same revision: exactly one applies.
        var (_, shared) = await GetAsync(alice, slot);
        var racing = await Task.WhenAll(
            SendAsync(alice, HttpMethod.Put, slot, new { number = "A-1" }, shared),
            SendAsync(bob, HttpMethod.Put, slot, new { number = "B-1" }, shared));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task DeletingASlotWithAParkedCar_IsRefused409_TheSlotStays()
    {
        using var admin = await fixture.AsAdminAsync();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var lotId = await CreateLotAsync(admin, cars: 2);
        var entry = await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-in/entry", new { eventId = UniqueId("e"), plate = "PARK-1", vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var slotId = entry.GetProperty("slot").GetProperty("slotId").GetString();
        var (_, etag) = await GetAsync(admin, $"/api/lots/{lotId}/layout");

        var refused = await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"/api/lots/{lotId}/layout/slots/{slotId}", ifMatch: etag), HttpStatusCode.Conflict);

        Assert.Equal(["SlotInUse"], Codes(refused));
        Assert.Contains(entry.GetProperty("sessionId").GetString()!, refused.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/lots/{lotId}/layout/slots/{slotId}")).StatusCode);
        Assert.Equal(etag, (await GetAsync(admin, $"/api/lots/{lotId}/layout")).ETag);
    }

    [Fact]
    public async Task Floors_AreManaged_AndAFloorWithSlotsCannotBeDeleted()
    {
        using var admin = await fixture.AsAdminAsync();
        var lotId = await CreateLotAsync(admin, cars: 1);
        var floors = $"/api/lots/{lotId}/layout/floors";

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(floors, new { floorId = "B1", name = "Basement", level = -1 })).StatusCode);
        var duplicate = await ProblemAsync(await admin.PostAsJsonAsync(floors, new { floorId = "B1", name = "Again" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("DuplicateFloorId", Codes(duplicate));
        var (list, etag) = await GetAsync(admin, floors);
        Assert.Equal(["G", "B1"], list.EnumerateArray().Select(f => f.GetProperty("floorId").GetString()));

        var renamed = await SendAsync(admin, HttpMethod.Put, $"{floors}/B1", new { name = "Basement 1" }, etag);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var (floor, _) = await GetAsync(admin, $"{floors}/B1");
        Assert.Equal(("Basement 1", -1), (floor.GetProperty("name").GetString(), floor.GetProperty("level").GetInt32()));

        var hasSlots = await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{floors}/G", ifMatch: ETagOf(renamed)), HttpStatusCode.Conflict);
        Assert.Contains("1 slot", hasSlots.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"{floors}/B1", ifMatch: ETagOf(renamed))).StatusCode);
        Assert.Equal(["G"], (await GetAsync(admin, floors)).Body.EnumerateArray().Select(f => f.GetProperty("floorId").GetString()));

        var audit = await AuditAsync(admin);
        foreach (var action in new[] { "lot.floor.create", "lot.floor.update", "lot.floor.delete" })
        {
            Assert.Contains(audit, e => e.Action == action && e.Target == $"lot:{lotId}/floor:B1");
        }
    }

    [Fact]
    public async Task Gates_AreAddedWithDistancesToEverySlot_AssignedToTheLot_AndUnassignedWhenDeleted()
    {
        using var admin = await fixture.AsAdminAsync();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var lotId = await CreateLotAsync(admin, cars: 2);
        var gates = $"/api/lots/{lotId}/layout/gates";
        var gateId = $"{lotId}-side";

        var missing = await ProblemAsync(await admin.PostAsJsonAsync(gates, new { gateId, name = "Side", direction = "Both" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, Codes(missing).Count(c => c == "MissingGateDistance"));
        var unknownSlot = await ProblemAsync(await admin.PostAsJsonAsync(gates, new { gateId, name = "Side", direction = "Both", defaultDistance = 5, slotDistances = new { nope = 1 } }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("UnknownSlot", Codes(unknownSlot));

        var created = await admin.PostAsJsonAsync(gates, new { gateId, name = "Side", direction = "Both", lane = 3, defaultDistance = 40, slotDistances = new { c2 = 4 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (slots, _) = await GetAsync(admin, $"/api/lots/{lotId}/layout/slots");
        Assert.Equal([40.0, 4.0], slots.EnumerateArray().Select(s => s.GetProperty("gateDistances").GetProperty(gateId).GetDouble()));
        Assert.Equal(lotId, (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/gates/{gateId}")).GetProperty("lotId").GetString());

        // The new gate is nearest to c2, so an entry there gets c2.
        var entry = await (await operatorClient.PostAsJsonAsync($"/api/gates/{gateId}/entry", new { eventId = UniqueId("e"), plate = "SIDE-1", vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("c2", entry.GetProperty("slot").GetProperty("slotId").GetString());

        var updated = await SendAsync(admin, HttpMethod.Put, $"{gates}/{gateId}", new { direction = "Out", slotDistances = new { c1 = 12 } }, ETagOf(created));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Out", (await GetAsync(admin, $"{gates}/{gateId}")).Body.GetProperty("direction").GetString());
        Assert.Equal(12, (await GetAsync(admin, $"/api/lots/{lotId}/layout/slots/c1")).Body.GetProperty("gateDistances").GetProperty(gateId).GetDouble());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"{gates}/{gateId}", ifMatch: ETagOf(updated))).StatusCode);
        var (after, etag) = await GetAsync(admin, $"/api/lots/{lotId}/layout/slots");
        Assert.All(after.EnumerateArray(), s => Assert.False(s.GetProperty("gateDistances").TryGetProperty(gateId, out _)));
        await ProblemAsync(await operatorClient.GetAsync($"/api/gates/{gateId}"), HttpStatusCode.NotFound);

        // Deleting the last entry gate would leave a lot nobody can enter.
        var noEntry = await ProblemAsync(await SendAsync(admin, HttpMethod.Delete, $"{gates}/{lotId}-in", ifMatch: etag), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("NoEntryGate", Codes(noEntry));

        // A gate id another lot uses is refused before anything changes.
        await ProblemAsync(await admin.PostAsJsonAsync(gates, new { gateId = "ber-out", name = "Stolen", direction = "Out", defaultDistance = 1 }), HttpStatusCode.Conflict);
        Assert.Contains(await AuditAsync(admin), e => e.Action == "lot.gate.delete" && e.Target == $"lot:{lotId}/gate:{gateId}");
    }

    [Fact]
    public async Task TheTariff_IsReplacedWithIfMatch_AndAnInvalidOneIs422WithEveryProblem()
    {
        using var admin = await fixture.AsAdminAsync();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var lotId = await CreateLotAsync(admin, cars: 1);
        var (tariff, etag) = await GetAsync(admin, $"/api/lots/{lotId}/tariff");
        Assert.Equal(2.00m, tariff.GetProperty("rates")[0].GetProperty("firstPeriodPrice").GetDecimal());

        await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}/tariff", Tariff(4.5m)), HttpStatusCode.PreconditionRequired);
        var changed = await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}/tariff", Tariff(4.5m), etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(4.5m, (await GetAsync(admin, $"/api/lots/{lotId}/tariff")).Body.GetProperty("rates")[0].GetProperty("firstPeriodPrice").GetDecimal());

        // The lot charges by it at once: an hour's stay costs the new first period.
        var entry = await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-in/entry", new { eventId = UniqueId("e"), plate = "TAR-1", vehicleClass = "Car", time = DateTimeOffset.UtcNow.AddMinutes(-50) }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var exit = await (await operatorClient.PostAsJsonAsync($"/api/gates/{lotId}-out/exit", new { eventId = UniqueId("x"), ticket = entry.GetProperty("ticket").GetString() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4.5m, exit.GetProperty("amountDue").GetProperty("amount").GetDecimal());

        var invalid = new
        {
            currency = "EUR",
            rates = new object[]
            {
                new { vehicleClass = "Car", gracePeriod = "00:10:00", firstPeriod = "01:00:00", firstPeriodPrice = -1, laterPeriod = "01:00:00", laterPeriodPrice = 1 },
                new { vehicleClass = "Car", gracePeriod = "00:10:00", firstPeriod = "00:00:00", firstPeriodPrice = 1, laterPeriod = "01:00:00", laterPeriodPrice = 1 },
            },
        };
        var problem = await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}/tariff", invalid, ETagOf(changed)), HttpStatusCode.UnprocessableEntity);
        var messages = problem.GetProperty("errors").GetProperty("tariff").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("FirstPeriodPrice", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("FirstPeriod:", StringComparison.Ordinal));

        var otherCurrency = await ProblemAsync(await SendAsync(admin, HttpMethod.Put, $"/api/lots/{lotId}/tariff",
            new { currency = "USD", rates = new[] { new { vehicleClass = "Car", gracePeriod = "00:00:00", firstPeriod = "01:00:00", firstPeriodPrice = 1, laterPeriod = "01:00:00", laterPeriodPrice = 1 } } },
            ETagOf(changed)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("CurrencyMismatch", Codes(otherCurrency));
        Assert.Contains(await AuditAsync(admin), e => e.Action == "lot.tariff.update" && e.Target == $"lot:{lotId}/tariff" && e.Detail!.Contains("4.5", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParkingGrains.Silo.Tests.Input;

/// <summary>
/// Issue 9's findings, each replayed through the REST API of a development silo with its production time bounds:
/// the request is refused with the field named, nothing changes, and where the finding needed a restart, the lot and
/// its reminders still work after one.
/// </summary>
public sealed class HostileInputTests : IClassFixture<DevelopmentSiloFixture>
{
    private const string Lot = "demo-berlin";
    private readonly DevelopmentSiloFixture _silo;

    public HostileInputTests(DevelopmentSiloFixture silo) => _silo = silo;

    private HttpClient Http => _silo.Api.Http;

    [Fact]
    public async Task Finding1And3_EventsAtTheEdgesOfTime_AreRefused_AndTheLotAndItsRemindersWorkAfterARestart()
    {
        using var folder = new TempFolder();
        var webPort = PortAllocator.Next();
        var settings = DevelopmentHostTests.DevelopmentSettings(folder, webPort);

        // Reservation holds are checked every 2 s here, so a hold after the restart shows within the test.
        settings["Lots:ReservationCheckPeriod"] = "00:00:02";
        settings["Silo:MinimumReminderPeriod"] = "00:00:01";
        var plate = Plate("H1");
        await using (var silo = await HostProcess.StartSiloAsync("input", settings, readyText: "ParkingGrains is running"))
        {
            using var api = await RestApi.ConnectAsync($"http://127.0.0.1:{webPort}", activeSilos: 1);
            await AssertFieldRefusedAsync(await EnterAsync(api.Http, "ber-in", Id(), plate, "0001-01-01T00:00:00Z"), "time");
            var entry = await ReadAsync(await EnterAsync(api.Http, "ber-in", Id(), plate, null));
            Assert.True(entry.GetProperty("allowed").GetBoolean());
            await AssertFieldRefusedAsync(await ExitAsync(api.Http, Id(), plate, "0001-01-01T00:00:00Z"), "time");
            await AssertFieldRefusedAsync(await ReserveAsync(api.Http, Id(), Plate("H2"), DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.MaxValue), "to");

            // Within the reservation horizon but beyond what an Orleans reminder can wait (about 49.7 days).
            var far = DateTimeOffset.UtcNow.AddDays(200);
            Assert.True((await ReadAsync(await ReserveAsync(api.Http, Id(), Plate("H3"), far, far.AddHours(2)))).GetProperty("accepted").GetBoolean());
            await silo.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        }

        await using (var restarted = await HostProcess.StartSiloAsync("input", settings, readyText: "ParkingGrains is running"))
        {
            using var api = await RestApi.ConnectAsync($"http://127.0.0.1:{webPort}", activeSilos: 1);
            Assert.Contains(plate, (await ReadAsync(await api.Http.GetAsync(new Uri($"/api/lots/{Lot}/sessions", UriKind.Relative)))).ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync(new Uri("/api/system/status", UriKind.Relative))).StatusCode);

            // The reminders still run: a reservation starting now is held by the lot's reminder.
            var now = DateTimeOffset.UtcNow;
            var reservation = await ReadAsync(await ReserveAsync(api.Http, Id(), Plate("H4"), now.AddSeconds(5), now.AddHours(1)));
            var reservationId = reservation.GetProperty("reservationId").GetString();
            await Eventually.TrueAsync(async () =>
            {
                var reservations = await ReadAsync(await api.Http.GetAsync(new Uri($"/api/lots/{Lot}/reservations", UriKind.Relative)));
                return reservations.EnumerateArray().Any(r => r.GetProperty("reservationId").GetString() == reservationId && r.GetProperty("status").GetString() == "Held");
            }, TimeSpan.FromSeconds(60), "the reservation is held by the lot's reminder after the restart");
        }
    }

    [Fact]
    public async Task Finding2_ARefusedEntryOrReservation_TakesNoSlotAndBooksNothing()
    {
        var before = await SystemStateOfBerlinAsync();
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), Plate("R2"), "0001-01-01T00:00:00Z"), "time");
        var year9999 = new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.Zero);
        await AssertFieldRefusedAsync(await ReserveAsync(Http, Id(), Plate("R3"), year9999, year9999.AddHours(1)), "to");
        Assert.Equal(before, await SystemStateOfBerlinAsync());
    }

    [Fact]
    public async Task Finding4_AFarFutureEntry_DoesNotEmptyTheIdempotencyMemory()
    {
        var first = Id();
        var plate = Plate("D4");
        var entry = await ReadAsync(await EnterAsync(Http, "ber-in", first, plate, null));
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), Plate("D5"), "9999-12-31T00:00:00Z"), "time");
        var again = await ReadAsync(await EnterAsync(Http, "ber-in", first, plate, null));
        Assert.Equal(entry.GetProperty("sessionId").GetString(), again.GetProperty("sessionId").GetString());
        var sessions = await ReadAsync(await Http.GetAsync(new Uri($"/api/lots/{Lot}/sessions?plate={Uri.EscapeDataString(plate)}", UriKind.Relative)));
        Assert.Single(sessions.EnumerateArray());
    }

    [Fact]
    public async Task Finding5_EventTimesAreBoundedByTheServerClock_AndALateOneIsMarkedReplayed()
    {
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), Plate("T1"), DateTimeOffset.UtcNow.AddHours(1).ToString("O")), "time");
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), Plate("T2"), "2020-01-01T00:00:00Z"), "time");
        var late = await ReadAsync(await EnterAsync(Http, "ber-in", Id(), Plate("T3"), DateTimeOffset.UtcNow.AddHours(-3).ToString("O")));
        Assert.True(late.GetProperty("allowed").GetBoolean());
        Assert.True(late.GetProperty("replayed").GetBoolean());
    }

    [Fact]
    public async Task Finding7_UnboundedAndInvisibleText_IsRefusedNamingTheField_AndNeverEchoed()
    {
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), "B-\u202EAB 1234", null), "plate");
        await AssertFieldRefusedAsync(await EnterAsync(Http, "ber-in", Id(), "B-AB\u200B1234", null), "plate");
        using var huge = await EnterAsync(Http, "ber-in", Id(), new string('A', 900_000), null);
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)huge.StatusCode}");
        Assert.True((await huge.Content.ReadAsStringAsync()).Length < 2_000);

        var longId = new string('x', 5_000);
        using var unknown = await Http.GetAsync(new Uri($"/api/lots/{longId}", UriKind.Relative));
        Assert.True(unknown.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)unknown.StatusCode}");
        Assert.True((await unknown.Content.ReadAsStringAsync()).Length < 2_000);

        using var etag = await Http.GetAsync(new Uri($"/api/lots/{Lot}/layout/floors", UriKind.Relative));
        using var floor = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/lots/{Lot}/layout/floors", UriKind.Relative))
        {
            Content = JsonContent.Create(new { floorId = "F-long", name = new string('N', 5_000), level = int.MinValue }),
        };
        if (etag.Headers.ETag is { } tag)
        {
            floor.Headers.IfMatch.Add(tag);
        }

        using var refused = await Http.SendAsync(floor);
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)refused.StatusCode}");
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain(new string('N', 100), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding8_AmountsHaveTheCurrencysPrecision_AndAnOverpaymentMustBeSaidSo()
    {
        var entry = await ReadAsync(await EnterAsync(Http, "ber-in", Id(), Plate("M8"), null));
        var ticket = entry.GetProperty("ticket").GetString();
        await AssertFieldRefusedAsync(await PayAsync(ticket, 12.345m, overpayment: false), "amount");
        await AssertFieldRefusedAsync(await PayAsync(ticket, 1_000_000m, overpayment: false), "amount");
        var session = (await ReadAsync(await Http.GetAsync(new Uri($"/api/lots/{Lot}/sessions?plate=M8", UriKind.Relative)))).EnumerateArray()
            .Single(s => s.GetProperty("ticket").GetString() == ticket);
        Assert.Equal(0m, session.GetProperty("amountPaid").GetProperty("amount").GetDecimal());

        var overpaid = await ReadAsync(await PayAsync(ticket, 20m, overpayment: true));
        Assert.True(overpaid.GetProperty("overpayment").GetBoolean());
    }

    [Fact]
    public async Task Finding9_AGateCommandWithoutAnAgent_Is409_AndANegativeDurationIs400()
    {
        using var offline = await Http.PostAsJsonAsync(new Uri("/api/gates/ber-in/commands", UriKind.Relative),
            new { eventId = Id(), kind = "Open", durationSeconds = 10, reason = "test" });
        Assert.Equal(HttpStatusCode.Conflict, offline.StatusCode);
        using var negative = await Http.PostAsJsonAsync(new Uri("/api/gates/ber-in/commands", UriKind.Relative),
            new { eventId = Id(), kind = "Open", durationSeconds = -5, reason = "test" });
        await AssertFieldRefusedAsync(negative, "durationSeconds");
    }

    private Task<HttpResponseMessage> PayAsync(string? ticket, decimal amount, bool overpayment) =>
        Http.PostAsJsonAsync(new Uri($"/api/lots/{Lot}/payments", UriKind.Relative),
            new { eventId = Id(), sessionIdOrTicket = ticket, amount, currency = "EUR", method = "Cash", reference = (string?)null, overpayment });

    private async Task<string> SystemStateOfBerlinAsync()
    {
        var slots = await ReadAsync(await Http.GetAsync(new Uri($"/api/lots/{Lot}/slots", UriKind.Relative)));
        var sessions = await ReadAsync(await Http.GetAsync(new Uri($"/api/lots/{Lot}/sessions", UriKind.Relative)));
        var reservations = await ReadAsync(await Http.GetAsync(new Uri($"/api/lots/{Lot}/reservations", UriKind.Relative)));
        return $"{slots}\n{sessions}\n{reservations}";
    }

    private static Task<HttpResponseMessage> EnterAsync(HttpClient http, string gateId, string eventId, string plate, string? time) =>
        http.PostAsJsonAsync(new Uri($"/api/gates/{gateId}/entry", UriKind.Relative), new { eventId, plate, vehicleClass = "Car", time });

    private static Task<HttpResponseMessage> ExitAsync(HttpClient http, string eventId, string plate, string? time) =>
        http.PostAsJsonAsync(new Uri("/api/gates/ber-out/exit", UriKind.Relative), new { eventId, plate, time });

    private static Task<HttpResponseMessage> ReserveAsync(HttpClient http, string eventId, string plate, DateTimeOffset from, DateTimeOffset to) =>
        http.PostAsJsonAsync(new Uri($"/api/lots/{Lot}/reservations", UriKind.Relative), new { eventId, plate, vehicleClass = "Car", from, to });

    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming {field}, got {(int)response.StatusCode}: {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), $"expected a problem with {field}: {body}");
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static string Id() => $"hostile-{Guid.NewGuid():N}";

    // Plates within the plate rules, unique per test run (two letters and four digits after the prefix).
    private static string Plate(string prefix) => $"{prefix}-{Random.Shared.Next(1000, 9999)}";
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Alerts;

/// <summary>A lot's alert feed over HTTP: alerts outlive the live push, operators acknowledge them, and that is audited.</summary>
[Collection(ApiCollection.Name)]
public sealed class AlertApiTests(ApiFixture fixture)
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AForceExitRaisesAnAlert_ThatStaysUntilAcknowledged_AndTheAcknowledgementIsAudited()
    {
        using var operatorClient = await fixture.AsRoleAsync("operator");
        var plate = $"AL-{Guid.NewGuid():N}"[..10];
        var entry = await (await operatorClient.PostAsJsonAsync("/api/gates/ber-in/entry", new { eventId = $"al-in-{plate}", plate, vehicleClass = "Car" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var sessionId = entry.GetProperty("sessionId").GetString()!;
        var forceEventId = $"al-force-{plate}";
        var forced = await operatorClient.PostAsJsonAsync($"/api/lots/demo-berlin/sessions/{Uri.EscapeDataString(sessionId)}/force-exit", new { eventId = forceEventId, reason = "blocking the ramp" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);

        var alertId = $"force-exit:{forceEventId}";
        var alert = await WaitForAlertAsync(operatorClient, alertId);
        Assert.Contains("blocking the ramp", alert.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Info", alert.GetProperty("severity").GetString());

        var acknowledged = await (await operatorClient.PostAsync($"/api/lots/demo-berlin/alerts/{Uri.EscapeDataString(alertId)}/acknowledge", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(acknowledged.GetProperty("acknowledgedBy").GetString()));
        Assert.DoesNotContain(await ListAsync(operatorClient, includeAcknowledged: false), a => a.GetProperty("alertId").GetString() == alertId);
        Assert.Contains(await ListAsync(operatorClient, includeAcknowledged: true), a => a.GetProperty("alertId").GetString() == alertId);

        using var admin = await fixture.AsAdminAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit/recent?limit=200");
        Assert.Contains(audit.EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "POST /api/lots/{lotId}/alerts/{alertId}/acknowledge"
            && e.GetProperty("target").GetString()!.Contains(alertId, StringComparison.Ordinal));
        Assert.Contains(audit.EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "POST /api/lots/{lotId}/sessions/{sessionId}/force-exit"
            && e.GetProperty("target").GetString()!.Contains(sessionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_NeedAnOperator_AndUnknownLotsOrAlertsAre404()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().GetAsync("/api/lots/demo-berlin/alerts")).StatusCode);
        using var driver = await fixture.AsRoleAsync("driver");
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.GetAsync("/api/lots/demo-berlin/alerts")).StatusCode);

        using var operatorClient = await fixture.AsRoleAsync("operator");
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/lots/no-such-lot/alerts")).StatusCode);
        var unknown = await operatorClient.PostAsync("/api/lots/demo-berlin/alerts/no-such-alert/acknowledge", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, bool includeAcknowledged) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/lots/demo-berlin/alerts?includeAcknowledged={includeAcknowledged}&limit=500")).EnumerateArray()];

    // The alert is kept by a one-way push after the force-exit is durable, so it appears shortly after the reply.
    private static async Task<JsonElement> WaitForAlertAsync(HttpClient client, string alertId)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var found = (await ListAsync(client, includeAcknowledged: false)).Where(a => a.GetProperty("alertId").GetString() == alertId).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            Assert.True(watch.Elapsed < s_deadline, $"alert {alertId} did not appear within {s_deadline.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}

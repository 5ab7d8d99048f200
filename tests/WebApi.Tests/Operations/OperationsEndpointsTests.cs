using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Operations;

/// <summary>
/// The operations endpoints of the standalone web host (cluster client): /health/live, /health/ready, /metrics and
/// the Orleans Dashboard at /dashboard for admins (bearer header, or the cookie set by POST /dashboard/signin).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OperationsEndpointsTests(ApiFixture fixture)
{
    [Fact]
    public async Task LiveAnswers200WithoutChecks()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadyAnswers200WhenTheClusterAnswersAndNamesTheCheck()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "cluster" && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task TheOldHealthEndpointStillAnswers()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheDashboardWithoutSignInIs401()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ABrowserWithoutSignInIsSentToTheSignInPage()
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/signin", response.Headers.Location?.OriginalString);
        var page = await client.GetAsync("/dashboard/signin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/api/auth/login", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOperatorIsForbiddenTheDashboard()
    {
        var token = await CreateUserAndLoginAsync("operator");
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/dashboard/signin", null)).StatusCode);
    }

    [Fact]
    public async Task AnAdminBearerGetsTheDashboard()
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", ApiFixture.AdminPassword));

        var response = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAdminSignedInByCookieGetsTheDashboardWithoutAHeader()
    {
        var token = await LoginAsync("admin", ApiFixture.AdminPassword);
        var browser = fixture.Factory.CreateClient(); // keeps cookies, like a browser
        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/dashboard/signin"))
        {
            signIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var signedIn = await browser.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
            var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
            Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/version")).StatusCode);

        // The cookie is for the dashboard only: it does not sign the browser in to the API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/users")).StatusCode);

        // Signing out of the dashboard drops the cookie.
        await browser.DeleteAsync("/dashboard/signin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task MetricsCountEntriesAndDecisionLatencyInPrometheusFormat()
    {
        var admin = fixture.Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", ApiFixture.AdminPassword));
        var entry = await admin.PostAsJsonAsync("/api/gates/ber-in/entry",
            new { eventId = $"ops-{Guid.NewGuid():N}", plate = $"B-OP {Random.Shared.Next(1000, 9999)}", vehicleClass = "car" });
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);

        // The exporter may serve a cached scrape for a moment.
        var text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("parkinggrains_decision_duration", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 250);
            var metrics = await fixture.Factory.CreateClient().GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            text = await metrics.Content.ReadAsStringAsync();
        }

        Assert.Contains("parkinggrains_decision_duration", text);
        Assert.True(text.Contains("parkinggrains_entries_total", StringComparison.Ordinal)
            || text.Contains("parkinggrains_denials_total", StringComparison.Ordinal), text);
    }

    private async Task<string> CreateUserAndLoginAsync(string role)
    {
        var admin = fixture.Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync("admin", ApiFixture.AdminPassword));
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/api/users", new { username, password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return await LoginAsync(username, password);
    }

    private async Task<string> LoginAsync(string username, string password)
    {
        var login = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { username, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class UserAdminTests(ApiFixture fixture)
{
    [Fact]
    public async Task AdminsCreateListChangeAndReadUsersWithoutEverSeeingAHash()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = (await AuthApi.CreateUserAsync(admin, "Listed", "driver")).ToLowerInvariant();

        var list = await admin.GetStringAsync("/api/users");
        Assert.Contains($"\"username\":\"{user}\"", list);
        Assert.Contains("\"username\":\"admin\"", list);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AuthApi.UserPassword, list);

        var changed = await admin.PutAsJsonAsync($"/api/users/{user.ToUpperInvariant()}", new { roles = new[] { "operator", "driver" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/users/{user}");
        Assert.Equal(["operator", "driver"], view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task DuplicatesUnknownsAndSelfLockoutAreRefused()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = await AuthApi.CreateUserAsync(admin, "dup", "driver");

        await AuthApi.AssertProblemAsync(await admin.PostAsJsonAsync("/api/users", new { username = user.ToUpperInvariant(), password = AuthApi.UserPassword, roles = new[] { "driver" } }), HttpStatusCode.Conflict);
        await AuthApi.AssertProblemAsync(await admin.PutAsJsonAsync("/api/users/nobody-here", new { disabled = true }), HttpStatusCode.NotFound);
        await AuthApi.AssertProblemAsync(await admin.GetAsync("/api/users/nobody-here"), HttpStatusCode.NotFound);
        await AuthApi.AssertProblemAsync(await admin.PutAsJsonAsync("/api/users/admin", new { disabled = true }), HttpStatusCode.Conflict);
        await AuthApi.AssertProblemAsync(await admin.PutAsJsonAsync("/api/users/admin", new { roles = new[] { "operator" } }), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("POST", "{\"username\":\"x\",\"password\":\"long-enough-1\",\"roles\":[\"driver\"]}")]
    [InlineData("POST", "{\"username\":\"bad name\",\"password\":\"long-enough-1\",\"roles\":[\"driver\"]}")]
    [InlineData("POST", "{\"username\":\"shortpw\",\"password\":\"short\",\"roles\":[\"driver\"]}")]
    [InlineData("POST", "{\"username\":\"noroles\",\"password\":\"long-enough-1\",\"roles\":[]}")]
    [InlineData("POST", "{\"username\":\"badrole\",\"password\":\"long-enough-1\",\"roles\":[\"root\"]}")]
    [InlineData("POST", "{\"username\":\"nullrole\",\"password\":\"long-enough-1\",\"roles\":[null]}")]
    [InlineData("POST", "{\"username\":\"typed\",\"password\":\"long-enough-1\",\"roles\":\"driver\"}")]
    [InlineData("POST", "{\"username\":")]
    [InlineData("PUT", "{}")]
    [InlineData("PUT", "{\"disabled\":\"yes\"}")]
    [InlineData("PUT", "{\"roles\":[\"superuser\"]}")]
    [InlineData("PUT", "{\"password\":\"short\"}")]
    public async Task BadUserBodiesAre400ProblemDetails(string method, string body)
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? "/api/users" : "/api/users/admin")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        await AuthApi.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WritesAreAuditedWithWhoWhatWhenAndNoSecrets()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var user = await AuthApi.CreateUserAsync(admin, "audited", "driver");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{user}", new { password = "another-password-9", disabled = true })).StatusCode);
        var rotated = await admin.PostAsync("/api/gates/ber-out/keys/rotate", null);
        var key = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var text = await admin.GetStringAsync("/api/audit?limit=1000");
        var entries = JsonSerializer.Deserialize<List<AuditBody>>(text, JsonSerializerOptions.Web)!;
        var created = Assert.Single(entries, e => e.Action == "user.create" && e.Target == $"user:{user}");
        var updated = Assert.Single(entries, e => e.Action == "user.update" && e.Target == $"user:{user}");
        Assert.Contains(entries, e => e.Action == "gate.key.rotate" && e.Target == "gate:ber-out");
        Assert.Equal("user:admin", created.Actor);
        Assert.InRange(created.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("password changed; disabled=true", updated.Detail);
        Assert.DoesNotContain("another-password-9", text);
        Assert.DoesNotContain(AuthApi.UserPassword, text);
        Assert.DoesNotContain(key, text);

        // The instance's recent ring has them too, newest first.
        var recent = (await admin.GetFromJsonAsync<List<AuditBody>>("/api/audit/recent?limit=1000"))!;
        Assert.True(recent.FindIndex(e => e.Action == "user.update" && e.Target == $"user:{user}") < recent.FindIndex(e => e.Action == "user.create" && e.Target == $"user:{user}"));
        await AuthApi.AssertProblemAsync(await admin.GetAsync("/api/audit?day=yesterday"), HttpStatusCode.BadRequest);
    }

    private sealed record AuditBody(string Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail, string? RemoteIp);
}

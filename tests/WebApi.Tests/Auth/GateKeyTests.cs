using System.Net;
using System.Net.Http.Json;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class GateKeyTests(ApiFixture fixture)
{
    [Fact]
    public async Task AGateKeyWorksForItsOwnGateOnlyAndStopsWorkingWhenRotated()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var saigon = await RotateAsync(admin, "sgn-in-1");
        var first = await RotateAsync(admin, "sgn-out-1");

        var own = await AuthApi.WithGateKey(fixture.Factory, "sgn-out-1", first.Key).GetAsync("/api/gates/sgn-out-1/whoami");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var identity = await own.Content.ReadFromJsonAsync<GateIdentity>();
        Assert.Equal(new GateIdentity("sgn-out-1", first.KeyId), identity);

        // Another gate's valid key on this gate's route: authenticated, but not this gate.
        var other = await AuthApi.WithGateKey(fixture.Factory, "sgn-in-1", saigon.Key).GetAsync("/api/gates/sgn-out-1/whoami");
        await AuthApi.AssertProblemAsync(other, HttpStatusCode.Forbidden);

        var second = await RotateAsync(admin, "sgn-out-1");
        Assert.NotEqual(first.KeyId, second.KeyId);
        var old = await AuthApi.WithGateKey(fixture.Factory, "sgn-out-1", first.Key).GetAsync("/api/gates/sgn-out-1/whoami");
        await AuthApi.AssertProblemAsync(old, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await AuthApi.WithGateKey(fixture.Factory, "sgn-out-1", second.Key).GetAsync("/api/gates/sgn-out-1/whoami")).StatusCode);
    }

    [Fact]
    public async Task AKeyPresentedForTheWrongGateIdIs401()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var key = await RotateAsync(admin, "ber-out");

        var response = await AuthApi.WithGateKey(fixture.Factory, "ber-in", key.Key).GetAsync("/api/gates/ber-in/whoami");

        await AuthApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ber-in", null)]
    [InlineData(null, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ber-in", "short")]
    [InlineData("ber in!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ber-in", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MissingMalformedOrWrongGateCredentialsAre401(string? gateId, string? key)
    {
        var client = fixture.CreateClient();
        if (gateId is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Gate-Id", gateId);
        }

        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Gate-Key", key);
        }

        await AuthApi.AssertProblemAsync(await client.GetAsync("/api/gates/ber-in/whoami"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AGateKeyIsNotAUserTokenAndAUserTokenIsNotAGateKey()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var key = await RotateAsync(admin, "ber-in");

        var gate = AuthApi.WithGateKey(fixture.Factory, "ber-in", key.Key);
        await AuthApi.AssertProblemAsync(await gate.GetAsync("/api/users"), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await gate.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await AuthApi.AssertProblemAsync(await admin.GetAsync("/api/gates/ber-in/whoami"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RotatingAnUnknownGateIs404AndTheKeyIsNeverShownAgain()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);

        await AuthApi.AssertProblemAsync(await admin.PostAsync("/api/gates/no-such-gate/keys/rotate", null), HttpStatusCode.NotFound);
        await AuthApi.AssertProblemAsync(await admin.PostAsync("/api/gates/bad%20id!/keys/rotate", null), HttpStatusCode.NotFound);

        var key = await RotateAsync(admin, "sgn-in-1");
        var shown = await admin.GetStringAsync("/api/gates/sgn-in-1/keys");
        Assert.Contains(key.KeyId, shown);
        Assert.DoesNotContain(key.Key, shown);
    }

    private static async Task<GateKey> RotateAsync(HttpClient admin, string gateId)
    {
        var response = await admin.PostAsync($"/api/gates/{gateId}/keys/rotate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<GateKey>())!;
        Assert.Equal(gateId, key.GateId);
        Assert.Equal(43, key.Key.Length);
        return key;
    }

    private sealed record GateKey(string GateId, string KeyId, string Key, DateTimeOffset IssuedAt);

    private sealed record GateIdentity(string GateId, string KeyId);
}

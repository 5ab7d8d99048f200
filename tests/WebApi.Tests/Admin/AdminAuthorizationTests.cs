using System.Net;
using ParkingGrains.WebApi.Tests.Infrastructure;
using static ParkingGrains.WebApi.Tests.Admin.AdminApi;

namespace ParkingGrains.WebApi.Tests.Admin;

/// <summary>Every admin resource: 401 without a token, 403 for operators and drivers, whatever the method.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdminAuthorizationTests(ApiFixture fixture)
{
    private static readonly (string Method, string Url)[] s_endpoints =
    [
        ("POST", "/api/lots"),
        ("GET", "/api/lots/demo-berlin/configuration"),
        ("PUT", "/api/lots/demo-berlin"),
        ("DELETE", "/api/lots/demo-berlin"),
        ("GET", "/api/lots/demo-berlin/layout"),
        ("GET", "/api/lots/demo-berlin/layout/floors"),
        ("POST", "/api/lots/demo-berlin/layout/floors"),
        ("GET", "/api/lots/demo-berlin/layout/floors/E0"),
        ("PUT", "/api/lots/demo-berlin/layout/floors/E0"),
        ("DELETE", "/api/lots/demo-berlin/layout/floors/E0"),
        ("GET", "/api/lots/demo-berlin/layout/gates"),
        ("POST", "/api/lots/demo-berlin/layout/gates"),
        ("GET", "/api/lots/demo-berlin/layout/gates/ber-in"),
        ("PUT", "/api/lots/demo-berlin/layout/gates/ber-in"),
        ("DELETE", "/api/lots/demo-berlin/layout/gates/ber-in"),
        ("GET", "/api/lots/demo-berlin/layout/slots"),
        ("POST", "/api/lots/demo-berlin/layout/slots"),
        ("GET", "/api/lots/demo-berlin/layout/slots/E0-01"),
        ("PUT", "/api/lots/demo-berlin/layout/slots/E0-01"),
        ("DELETE", "/api/lots/demo-berlin/layout/slots/E0-01"),
        ("GET", "/api/lots/demo-berlin/tariff"),
        ("PUT", "/api/lots/demo-berlin/tariff"),
        ("GET", "/api/cards"),
        ("GET", "/api/cards/any"),
        ("POST", "/api/cards"),
        ("PUT", "/api/cards/any"),
        ("POST", "/api/cards/any/block"),
        ("POST", "/api/cards/any/unblock"),
        ("DELETE", "/api/cards/any"),
    ];

    [Fact]
    public async Task AdminResources_Are401WithoutAToken_And403ForOperatorsAndDrivers()
    {
        using var anonymous = fixture.CreateClient();
        using var operatorClient = await fixture.AsRoleAsync("operator");
        using var driver = await fixture.AsRoleAsync("driver");
        var (_, etag) = await GetAsync(await fixture.AsAdminAsync(), "/api/lots/demo-berlin/configuration");

        foreach (var (method, url) in s_endpoints)
        {
            // A well-formed body and a current ETag: only the caller's identity can be the reason for a refusal.
            StringContent? Body() => method is "POST" or "PUT" ? Json("{\"name\": \"x\", \"reason\": \"x\"}") : null;
            var ifMatch = method is "PUT" or "DELETE" ? etag : null;
            Assert.True((await SendAsync(anonymous, new HttpMethod(method), url, Body(), ifMatch)).StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} anonymous");
            Assert.True((await SendAsync(operatorClient, new HttpMethod(method), url, Body(), ifMatch)).StatusCode == HttpStatusCode.Forbidden, $"{method} {url} operator");
            Assert.True((await SendAsync(driver, new HttpMethod(method), url, Body(), ifMatch)).StatusCode == HttpStatusCode.Forbidden, $"{method} {url} driver");
        }

        // Nothing was changed by any of them.
        Assert.Equal(etag, (await GetAsync(await fixture.AsAdminAsync(), "/api/lots/demo-berlin/configuration")).ETag);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.WebApi.Auth;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(ApiFixture fixture)
{
    [Fact]
    public async Task NoTokenOnAnAdminEndpointIs401WithProblemDetails()
    {
        var response = await fixture.CreateClient().GetAsync("/api/users");

        await AuthApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AForgedTokenIs401()
    {
        var response = await AuthApi.WithToken(fixture.Factory, "CfDJ8forged").GetAsync("/api/users");

        await AuthApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnOperatorTokenOnAnAdminEndpointIs403()
    {
        var admin = await AuthApi.AdminClientAsync(fixture);
        var user = await AuthApi.CreateUserAsync(admin, "op", "operator");
        var tokens = await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
        var client = AuthApi.WithToken(fixture.Factory, tokens.AccessToken);

        await AuthApi.AssertProblemAsync(await client.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        await AuthApi.AssertProblemAsync(await client.PostAsJsonAsync("/api/gates/ber-in/keys/rotate", new { }), HttpStatusCode.Forbidden);
        await AuthApi.AssertProblemAsync(await client.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("admin", null, true)]
    [InlineData("operator", null, true)]
    [InlineData("driver", null, false)]
    [InlineData(null, "ber-in", true)]
    [InlineData(null, "ber-out", false)]
    public async Task GateOrOperatorAdmitsOperatorsAndOnlyTheRoutesOwnGate(string? role, string? gateId, bool allowed)
    {
        var authorization = fixture.Factory.Services.GetRequiredService<IAuthorizationService>();
        var claims = new List<Claim>();
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, "someone"));
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        if (gateId is not null)
        {
            claims.Add(new Claim(AuthClaimTypes.GateId, gateId));
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var http = new DefaultHttpContext();
        http.Request.RouteValues["gateId"] = "ber-in";

        var result = await authorization.AuthorizeAsync(user, http, AuthPolicies.GateOrOperator);

        Assert.Equal(allowed, result.Succeeded);
    }
}

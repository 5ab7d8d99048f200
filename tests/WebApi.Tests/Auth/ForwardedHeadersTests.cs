using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.WebApi.Proxy;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy. X-Forwarded-For is believed only from the proxies in
/// Web:ForwardedHeaders; then it is the address the audit log records and the login throttle counts by.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ForwardedHeadersTests(ApiFixture fixture)
{
    private const string Proxy = "10.20.30.40";

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedAddressIsAuditedAndThrottledOn()
    {
        await using var host = Host(("Web:ForwardedHeaders:KnownProxies", Proxy));

        var entry = await AuditedCreateAsync(host, peer: Proxy, forwardedFor: "203.0.113.7");
        Assert.Equal("203.0.113.7", entry.RemoteIp);

        // Two clients behind the same proxy: one guessing does not lock the other out.
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "proxied", "driver");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(host, user, "guess", Proxy, "198.51.100.1")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(host, user, "guess", Proxy, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(host, user, AuthApi.UserPassword, Proxy, "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguration_TheHeaderIsIgnored()
    {
        await using var host = Host();

        var entry = await AuditedCreateAsync(host, peer: Proxy, forwardedFor: "203.0.113.7");
        Assert.Equal(Proxy, entry.RemoteIp);

        // A client cannot escape the throttle by making up a new X-Forwarded-For for every guess.
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "unproxied", "driver");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(host, user, "guess", Proxy, $"198.51.100.{i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(host, user, AuthApi.UserPassword, Proxy, "198.51.100.99")).StatusCode);
    }

    [Fact]
    public async Task FromAPeerThatIsNotATrustedProxy_TheHeaderIsIgnored()
    {
        await using var host = Host(("Web:ForwardedHeaders:KnownProxies", Proxy));

        var entry = await AuditedCreateAsync(host, peer: "192.0.2.99", forwardedFor: "203.0.113.7");

        Assert.Equal("192.0.2.99", entry.RemoteIp);
    }

    [Fact]
    public async Task ThroughAChainOfTrustedProxies_TheClientIsTheFirstUntrustedHop()
    {
        // The client wrote 6.6.6.6 itself; the edge proxy appended the real client, the inner proxy the edge proxy.
        await using var host = Host(("Web:ForwardedHeaders:KnownNetworks", "10.20.0.0/16"));

        var entry = await AuditedCreateAsync(host, peer: Proxy, forwardedFor: "6.6.6.6, 203.0.113.9, 10.20.1.1");

        Assert.Equal("203.0.113.9", entry.RemoteIp);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("10.0.0.1, 10.0.0.2", null, "10.0.0.1 10.0.0.2 |")]
    [InlineData(null, "10.0.0.0/8,fd00::/8", "| 10.0.0.0/8 fd00::/8")]
    public void SettingsAreOffUnlessAProxyIsListed(string? proxies, string? networks, string? expected)
    {
        var settings = ForwardedHeadersSettings.Read(Configuration(("Web:ForwardedHeaders:KnownProxies", proxies), ("Web:ForwardedHeaders:KnownNetworks", networks)));

        Assert.Equal(expected, settings is null ? null : $"{string.Join(' ', settings.KnownProxies)} | {string.Join(' ', settings.KnownNetworks)}".Trim());
    }

    [Fact]
    public void ArraysWork_AndTyposFailTheStart()
    {
        var settings = ForwardedHeadersSettings.Read(Configuration(("Web:ForwardedHeaders:KnownProxies:0", "10.0.0.1"), ("Web:ForwardedHeaders:KnownProxies:1", "::1")));
        Assert.Equal(["10.0.0.1", "::1"], settings!.KnownProxies.Select(a => a.ToString()));

        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSettings.Read(Configuration(("Web:ForwardedHeaders:KnownProxies", "10.0.0.300"))));
        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSettings.Read(Configuration(("Web:ForwardedHeaders:KnownNetworks", "10.0.0.1"))));
        Assert.Throws<InvalidOperationException>(() => ForwardedHeadersSettings.Read(Configuration(("Web:ForwardedHeaders:KnownProxies", "10.0.0.1"), ("Web:ForwardedHeaders:ForwardLimit", "0"))));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => fixture.Factory.WithWebHostBuilder(web =>
    {
        foreach (var (key, value) in settings)
        {
            web.UseSetting(key, value);
        }

        web.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestPeer>());
    });

    private static HttpRequestMessage Request(HttpMethod method, string path, string peer, string forwardedFor, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static Task<HttpResponseMessage> LoginAsync(WebApplicationFactory<Program> host, string username, string password, string peer, string forwardedFor) =>
        host.CreateClient().SendAsync(Request(HttpMethod.Post, "/api/auth/login", peer, forwardedFor, new { username, password }));

    /// <summary>An admin creates a user through <paramref name="peer"/>; returns the audit entry of that write.</summary>
    private async Task<AuditBody> AuditedCreateAsync(WebApplicationFactory<Program> host, string peer, string forwardedFor)
    {
        var token = (await AuthApi.LoginOkAsync(fixture.CreateClient(), "admin", ApiFixture.AdminPassword)).AccessToken;
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var username = AuthApi.UniqueName("fwd");
        var created = await client.SendAsync(Request(HttpMethod.Post, "/api/users", peer, forwardedFor, new { username, password = AuthApi.UserPassword, roles = new[] { "driver" } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var entries = (await client.GetFromJsonAsync<List<AuditBody>>("/api/audit?limit=5000"))!;
        return Assert.Single(entries, e => e.Action == "user.create" && e.Target == $"user:{username}");
    }

    private sealed record AuditBody(string Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail, string? RemoteIp);
}

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using ParkingGrains.Grains.Interfaces.Accounts;
using ParkingGrains.WebApi.Auth;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>The login throttle is one count per user + address for the whole cluster, not per web instance.</summary>
[Collection(ApiCollection.Name)]
public sealed class LoginThrottleTests(ApiFixture fixture)
{
    [Fact]
    public async Task FailuresOnTwoWebInstancesAddUp_AndTheWindowPassesOnBoth()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var first = WebInstance(clock);
        await using var second = WebInstance(clock);
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "spread", "operator");

        // Five guesses spread over the two instances: three on one, two on the other.
        for (var i = 0; i < 5; i++)
        {
            var host = i % 2 == 0 ? first : second;
            Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(host.CreateClient(), user, "guess-" + i)).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        foreach (var host in new[] { first, second })
        {
            var refused = await AuthApi.LoginAsync(host.CreateClient(), user, AuthApi.UserPassword);
            await AuthApi.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromMinutes(3), refused.Headers.RetryAfter?.Delta);
        }

        // Five minutes after the first guess the window has passed everywhere.
        clock.Advance(TimeSpan.FromMinutes(3));
        await AuthApi.LoginOkAsync(second.CreateClient(), user, AuthApi.UserPassword);
    }

    [Fact]
    public async Task ASuccessOnOneInstanceClearsTheCountOnTheOther()
    {
        await using var other = WebInstance(TimeProvider.System);
        var user = await AuthApi.CreateUserAsync(await AuthApi.AdminClientAsync(fixture), "clears", "driver");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(fixture.CreateClient(), user, "guess")).StatusCode);
        }

        await AuthApi.LoginOkAsync(other.CreateClient(), user, AuthApi.UserPassword);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(fixture.CreateClient(), user, "guess")).StatusCode);
        }

        await AuthApi.LoginOkAsync(fixture.CreateClient(), user, AuthApi.UserPassword);
    }

    [Fact]
    public async Task TheThrottleGrainIsOneCountForEveryCallerInTheCluster()
    {
        // Two callers that never share memory: the cluster client and the grain factory inside the second silo. (An
        // in-process Orleans test cluster has one client; its in-memory transport admits no second one.)
        var otherCaller = fixture.Cluster.Silos[1].ServiceProvider.GetRequiredService<IGrainFactory>();
        var key = AccountGrainKeys.LoginThrottle(AuthApi.UniqueName("grain"), "192.0.2.1");
        var at = DateTimeOffset.UtcNow;
        var attempt = new LoginAttempt(at, 3, TimeSpan.FromMinutes(5));

        Assert.True((await fixture.Cluster.Client.GetGrain<ILoginThrottleGrain>(key).TryBegin(attempt)).Allowed);
        Assert.True((await otherCaller.GetGrain<ILoginThrottleGrain>(key).TryBegin(attempt with { At = at.AddMinutes(1) })).Allowed);
        Assert.True((await fixture.Cluster.Client.GetGrain<ILoginThrottleGrain>(key).TryBegin(attempt with { At = at.AddMinutes(2) })).Allowed);

        var refused = await otherCaller.GetGrain<ILoginThrottleGrain>(key).TryBegin(attempt with { At = at.AddMinutes(3) });
        Assert.Equal(new LoginThrottleDecision(false, TimeSpan.FromMinutes(2)), refused);
    }

    [Theory]
    [InlineData("admin", "10.0.0.1", "admin|10.0.0.1")]
    [InlineData("admin", null, "admin|-")]
    [InlineData("a|b", "::1", "#")]
    [InlineData("   ", "::1", "#")]
    public void ThrottleKeysArePrintableWhateverTheUsername(string username, string? ip, string expectedStart)
    {
        var key = AccountGrainKeys.LoginThrottle(username, ip);

        Assert.StartsWith(expectedStart, key, StringComparison.Ordinal);
        Assert.True(key.Length <= 64 + 1 + 45, key);
        Assert.DoesNotContain(key, c => char.IsControl(c) || char.IsWhiteSpace(c));
    }

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::1")]
    [InlineData(null, null)]
    public void IPv6ClientsAreThrottledByTheirSlash64(string? address, string? expected)
    {
        Assert.Equal(expected, LoginThrottle.ClientKey(address is null ? null : IPAddress.Parse(address)));
    }

    private WebApplicationFactory<Program> WebInstance(TimeProvider clock) =>
        fixture.Factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton(clock)));
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.WebApi.Auth;

namespace ParkingGrains.WebApi.Tests.Auth;

/// <summary>First start on a fresh cluster (a fresh user store), with and without Auth:AdminPassword.</summary>
public sealed partial class AdminBootstrapTests
{
    [Fact]
    public async Task AConfiguredAdminPasswordWorksAndIsNeverLogged()
    {
        await using var api = await IsolatedApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var password = $"configured-{Guid.NewGuid():N}";
        var host = api.StartHost(password, logs);
        var client = host.CreateClient();

        await host.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await AuthApi.LoginOkAsync(client, "admin", password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(client, "admin", password + "x")).StatusCode);

        Assert.Contains(logs.Messages, m => m.Contains("Created user admin with the password from Auth:AdminPassword", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("generated password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAConfiguredPasswordOneIsGeneratedLoggedOnceAndKeptAcrossRestarts()
    {
        await using var api = await IsolatedApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var first = api.StartHost(null, logs);
        await first.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();

        var announcement = Assert.Single(logs.Messages, m => m.Contains("generated password", StringComparison.Ordinal));
        var password = GeneratedPassword().Match(announcement).Groups[1].Value;
        Assert.True(password.Length >= 20, announcement);
        Assert.Single(logs.Messages, m => m.Contains(password, StringComparison.Ordinal));
        await AuthApi.LoginOkAsync(first.CreateClient(), "admin", password);

        // A restart, even with a password configured now, leaves the existing admin alone and prints nothing.
        await first.DisposeAsync();
        var restartLogs = new CapturingLoggerProvider();
        var second = api.StartHost("changed-in-configuration", restartLogs);
        await second.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await AuthApi.LoginOkAsync(second.CreateClient(), "admin", password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(second.CreateClient(), "admin", "changed-in-configuration")).StatusCode);
        Assert.DoesNotContain(restartLogs.Messages, m => m.Contains("Created user admin", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"generated password (\S+) ")]
    private static partial Regex GeneratedPassword();
}

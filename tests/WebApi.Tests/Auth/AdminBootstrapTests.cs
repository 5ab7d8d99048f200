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

        // A restart, even with a password configured now, leaves the existing admin alone (and says it did).
        await first.DisposeAsync();
        var restartLogs = new CapturingLoggerProvider();
        var second = api.StartHost("changed-in-configuration", restartLogs);
        await second.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await AuthApi.LoginOkAsync(second.CreateClient(), "admin", password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(second.CreateClient(), "admin", "changed-in-configuration")).StatusCode);
        Assert.DoesNotContain(restartLogs.Messages, m => m.Contains("Created user admin", StringComparison.Ordinal));
        Assert.Contains(restartLogs.Messages, m => m.Contains("NOT applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConfiguredPasswordThatDiffersFromTheExistingAdminsIsNotAppliedAndStartUpSaysSo()
    {
        await using var api = await IsolatedApi.StartAsync();
        var original = $"original-{Guid.NewGuid():N}";
        var first = api.StartHost(original, new CapturingLoggerProvider());
        await first.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await first.DisposeAsync();

        var logs = new CapturingLoggerProvider();
        var changed = $"changed-{Guid.NewGuid():N}";
        var second = api.StartHost(changed, logs);
        await second.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();

        // Not changed silently: the old password still works, the configured one does not, and the log says why.
        await AuthApi.LoginOkAsync(second.CreateClient(), "admin", original);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthApi.LoginAsync(second.CreateClient(), "admin", changed)).StatusCode);
        var warning = Assert.Single(logs.Messages, m => m.Contains("NOT applied", StringComparison.Ordinal));
        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains("Auth:AdminPassword", warning, StringComparison.Ordinal);
        Assert.Contains("Reset password", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(changed, StringComparison.Ordinal) || m.Contains(original, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameConfiguredPasswordOnRestartGivesNoWarning()
    {
        await using var api = await IsolatedApi.StartAsync();
        var password = $"same-{Guid.NewGuid():N}";
        var first = api.StartHost(password, new CapturingLoggerProvider());
        await first.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();
        await first.DisposeAsync();

        var logs = new CapturingLoggerProvider();
        var second = api.StartHost(password, logs);
        await second.Services.GetRequiredService<AdminBootstrap>().EnsureAsync();

        await AuthApi.LoginOkAsync(second.CreateClient(), "admin", password);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("NOT applied", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"generated password (\S+) ")]
    private static partial Regex GeneratedPassword();
}

using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// The dashboard (operator Live and Reports tabs, Admin and Driver tabs) in real headless Chromium: tests/Browser/dashboard.test.mjs (playwright-core, Debian's
/// /usr/bin/chromium) against a real Kestrel web host over an in-process cluster whose history is a SQLite file, so
/// the Reports tab has a working revenue report (see <see cref="BrowserTestHost"/>). Fails (never skips) when node,
/// node_modules or chromium are missing. Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminPassword = "browser-admin-password-1";
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private BrowserTestHost? _host;

    public async Task InitializeAsync() => _host = await BrowserTestHost.StartAsync(AdminPassword);

    [Fact]
    public async Task Dashboard_SignIn_LiveEntry_GateOpen_RevenueChart_AdminAndDriverTabs_InHeadlessChromium()
    {
        var run = await _host!.RunScriptAsync("dashboard.test.mjs", s_scriptTimeout);
        output.WriteLine(run.Log);
        foreach (var line in run.Log.Split('\n').Where(l => l.StartsWith("entry → DOM", StringComparison.Ordinal)))
        {
            Console.WriteLine(line);
        }

        Assert.True(run.Passed, $"browser test failed (exit {run.ExitCode}):\n{run.Log}");
        Assert.Contains("entry → DOM:", run.Log, StringComparison.Ordinal);
        BrowserTestHost.AssertScreenshots(
            "dashboard-desktop.png", "dashboard-phone-dark.png", "reports-desktop.png",
            "admin-desktop.png", "admin-phone-dark.png", "driver-desktop.png", "driver-phone-dark.png");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

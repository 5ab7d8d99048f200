using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// What the dashboard shows when data is missing or hostile, in real headless Chromium (tests/Browser/display.test.mjs):
/// a failed lot load is an error with a retry under a pill that is not green; a lot counts only the vehicle classes it
/// has; a lot created through the admin API with very long names never makes the Live, Admin, Driver or Reports tab
/// wider than the screen (desktop and phone, light and dark), and its text is shown as isolated text.
/// </summary>
public sealed class DisplayBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminPassword = "browser-admin-password-4";
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private BrowserTestHost? _host;

    public async Task InitializeAsync() => _host = await BrowserTestHost.StartAsync(AdminPassword);

    [Fact]
    public async Task FailedLoadIsNotLive_OnlyTheLotsClasses_LongNamesNeverWidenThePages_InHeadlessChromium()
    {
        var run = await _host!.RunScriptAsync("display.test.mjs", s_scriptTimeout);
        output.WriteLine(run.Log);

        Assert.True(run.Passed, $"browser test failed (exit {run.ExitCode}):\n{run.Log}");
        var files = new List<string>();
        foreach (var page in new[] { "live-load-failed", "long-text-live", "long-text-admin", "long-text-driver", "long-text-reports" })
        {
            files.AddRange([$"{page}-desktop.png", $"{page}-desktop-dark.png", $"{page}-phone.png", $"{page}-phone-dark.png"]);
        }

        BrowserTestHost.AssertScreenshots([.. files]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

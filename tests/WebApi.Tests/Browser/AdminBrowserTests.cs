using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// The Admin tab's screens in real headless Chromium: tests/Browser/admin.test.mjs adds a slot and sees it on the live
/// map, edits it inline, sees a rejected slot's problem details and another admin's concurrent change (412), changes a
/// tariff rate, creates and blocks a card, and changes a user's role — against its own web host and cluster
/// (<see cref="BrowserTestHost"/>). Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class AdminBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminPassword = "browser-admin-password-2";
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private BrowserTestHost? _host;

    public async Task InitializeAsync() => _host = await BrowserTestHost.StartAsync(AdminPassword);

    [Fact]
    public async Task AdminTab_SlotTariffCardAndUserChanges_InHeadlessChromium()
    {
        var run = await _host!.RunScriptAsync("admin.test.mjs", s_scriptTimeout);
        output.WriteLine(run.Log);

        Assert.True(run.Passed, $"browser test failed (exit {run.ExitCode}):\n{run.Log}");
        BrowserTestHost.AssertScreenshots("admin-crud-desktop.png", "admin-crud-phone-dark.png");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

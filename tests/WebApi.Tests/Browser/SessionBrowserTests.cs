using System.Globalization;
using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// The dashboard's session in real headless Chromium (tests/Browser/session.test.mjs) against a web host whose access
/// tokens live <see cref="TokenSeconds"/> s (Auth:AccessTokenMinutes as a fraction): the page renews its token before
/// it expires and its live connection comes back on the new one; when the session is ended on the server, the next
/// renewal is refused and the page says so and shows the sign-in form instead of retrying.
/// </summary>
public sealed class SessionBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminPassword = "browser-admin-password-3";
    private const int TokenSeconds = 15;
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private BrowserTestHost? _host;

    public async Task InitializeAsync() => _host = await BrowserTestHost.StartAsync(AdminPassword, new Dictionary<string, string>
    {
        ["Auth:AccessTokenMinutes"] = (TokenSeconds / 60.0).ToString(CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task TokenIsRenewedBeforeExpiry_AndAnEndedSessionAsksToSignIn_InHeadlessChromium()
    {
        var run = await _host!.RunScriptAsync("session.test.mjs", s_scriptTimeout,
            new Dictionary<string, string> { ["TOKEN_SECONDS"] = TokenSeconds.ToString(CultureInfo.InvariantCulture) });
        output.WriteLine(run.Log);

        Assert.True(run.Passed, $"browser test failed (exit {run.ExitCode}):\n{run.Log}");
        BrowserTestHost.AssertScreenshots("session-renewed-desktop.png", "session-ended-desktop.png", "session-ended-desktop-dark.png",
            "session-ended-phone-dark.png", "session-ended-phone.png");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

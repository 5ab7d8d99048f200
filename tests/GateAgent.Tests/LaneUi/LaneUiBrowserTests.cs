using System.Diagnostics;
using Xunit.Abstractions;

namespace ParkingGrains.GateAgent.Tests.LaneUi;

/// <summary>
/// The lane UI in real headless Chromium: tests/Browser/lane.test.mjs (playwright-core, Debian's /usr/bin/chromium) signs
/// in, sees the frame with its plate box and the decision, confirms a low-confidence read with a correction, opens the
/// barrier with a reason and taps a card, with screenshots at desktop and phone widths, light and dark, in
/// artifacts/screenshots/ (where the other browser tests put theirs). Fails (never skips) when node, node_modules or
/// chromium are missing.
/// </summary>
public sealed class LaneUiBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private LaneUiTestLane _lane = null!;

    public async Task InitializeAsync() => _lane = await LaneUiTestLane.StartAsync();

    public async Task DisposeAsync() => await _lane.DisposeAsync();

    [Fact]
    public async Task LaneUi_SignIn_FrameAndDecision_ConfirmARead_ManualOpen_CardTap_InHeadlessChromium()
    {
        await _lane.ShowAsync(LaneUiTestLane.Read("51F-123.45", 0.97));
        await Devices.Wait.UntilAsync(() => _lane.State.Snapshot().Decisions.Count == 1, "the confident read was decided");
        await _lane.ShowAsync(LaneUiTestLane.Read("51F-128.45", 0.55));

        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "Browser", "lane.test.mjs");
        var screenshots = Path.Combine(root, "artifacts", "screenshots");
        Assert.True(File.Exists(Chromium), $"Debian chromium is required at {Chromium} (./test.sh installs it)");
        Assert.True(Directory.Exists(Path.Combine(root, "tests", "Browser", "node_modules", "playwright-core")),
            "tests/Browser/node_modules is missing: run npm install in tests/Browser (./test.sh does)");

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["BASE_URL"] = _lane.Address.ToString().TrimEnd('/');
        start.Environment["ADMIN_PASSWORD"] = LaneUiTestLane.Password;
        start.Environment["SCREENSHOT_DIR"] = screenshots;
        start.Environment["CHROMIUM"] = Chromium;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var log = $"{await stdout}\n{await stderr}".Trim();
        output.WriteLine(log);
        Assert.True(process.ExitCode == 0 && log.Contains("PASS", StringComparison.Ordinal), $"browser test failed (exit {process.ExitCode}):\n{log}");
        foreach (var file in new[] { "lane-desktop-light.png", "lane-desktop-dark.png", "lane-phone-light.png", "lane-phone-dark.png" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, file)) is { Exists: true, Length: > 1000 }, $"screenshot {file} missing");
        }

        // What the page did, the lane did: the corrected read was decided and the manual open is on record.
        Assert.Contains(_lane.State.Snapshot().Decisions, d => d.Plate == "51F-123.46" && d.Open);
        Assert.Contains(_lane.Journal.Completed(10), c => c.Outcome == "Open by lane:ann: ambulance");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkingGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ParkingGrains.sln not found above {AppContext.BaseDirectory}");
    }
}

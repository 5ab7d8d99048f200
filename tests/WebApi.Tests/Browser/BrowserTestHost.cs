using ParkingGrains.TestSupport;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Orleans.TestingHost;
using ParkingGrains.Grains.Demo;
using ParkingGrains.Grains.Interfaces.Gates;
using ParkingGrains.Storage.Hosting;
using ParkingGrains.WebApi.Tests.Infrastructure;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// What the browser tests share: a real Kestrel web host over an in-process cluster of its own (demo lots) whose
/// history is a SQLite file of its own, so the Reports tab has a working report and one script's changes never
/// reach another's (grain state is in memory); and running a script of tests/Browser (playwright-core, Debian's /usr/bin/chromium) against it.
/// Fails (never skips) when node, node_modules or chromium are missing.
/// </summary>
public sealed class BrowserTestHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _directory;
    private readonly InProcessTestCluster _cluster;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _adminPassword;

    private BrowserTestHost(string directory, InProcessTestCluster cluster, WebApplicationFactory<Program> factory, Uri address, string adminPassword)
    {
        _directory = directory;
        _cluster = cluster;
        _factory = factory;
        _adminPassword = adminPassword;
        Address = address;
    }

    public Uri Address { get; }

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Starts the cluster and the web host; <paramref name="settings"/> are extra configuration keys for the web host.</summary>
    public static async Task<BrowserTestHost> StartAsync(string adminPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pg-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = $"Data Source={Path.Combine(directory, "parking.db")}";
        // Registered after the test cluster's memory event log, so this one is the "Default" the lot grains use.
        var cluster = await ParkingTestCluster.StartAsync(silos: 1, configure: silo => silo.AddSqliteEventLog("Default", connectionString));
        await DemoSeeder.SeedAsync(cluster.Client);

        var (factory, address) = ClusterWebHost.StartOnKestrel(cluster.Client, web =>
        {
            web.UseSetting("Cluster:ServiceId", cluster.Options.ServiceId); // the event log's rows are keyed by it
            web.UseSetting("Auth:AdminPassword", adminPassword);
            web.UseSetting("Storage:Provider", "Sqlite");
            web.UseSetting("ConnectionStrings:Sqlite", connectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
        });
        var host = new BrowserTestHost(directory, cluster, factory, address, adminPassword);
        await host.WaitForAdminAsync();
        return host;
    }

    /// <summary>
    /// Runs tests/Browser/<paramref name="script"/> with BASE_URL, ADMIN_PASSWORD, SCREENSHOT_DIR and CHROMIUM set (plus
    /// <paramref name="environment"/>); killed after <paramref name="timeout"/>.
    /// </summary>
    public async Task<BrowserScriptRun> RunScriptAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "tests", "Browser", script);
        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.True(File.Exists(Chromium), $"Debian chromium is required at {Chromium} (./test.sh installs it)");
        Assert.True(Directory.Exists(Path.Combine(root, "tests", "Browser", "node_modules", "playwright-core")),
            "tests/Browser/node_modules is missing: run npm install in tests/Browser (./test.sh does)");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "signalr", "signalr.min.js")),
            "the dashboard's browser libraries are missing from the build: run npm install in src/WebApi/ClientApp and rebuild");

        var start = new ProcessStartInfo("node", [path])
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["BASE_URL"] = Address.ToString().TrimEnd('/');
        start.Environment["ADMIN_PASSWORD"] = _adminPassword;
        start.Environment["SCREENSHOT_DIR"] = ScreenshotDirectory;
        start.Environment["CHROMIUM"] = Chromium;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new BrowserScriptRun(process.ExitCode, $"{await stdout}\n{await stderr}".Trim());
    }

    /// <summary>Asserts that each screenshot was written (and is not an empty image).</summary>
    /// <summary>
    /// Heartbeats for <paramref name="gateIds"/> every 5 s through the cluster client, as their edge agents would, until
    /// the returned handle is disposed: a gate command to a gate without an agent is refused.
    /// </summary>
    public async Task<IAsyncDisposable> RunGateAgentsAsync(params string[] gateIds)
    {
        var stop = new CancellationTokenSource();
        async Task BeatAsync() => await Task.WhenAll(gateIds.Select(id =>
            _cluster.Client.HeartbeatAsAgentAsync(id, new GateHeartbeat($"browser-test-{id}", DateTimeOffset.UtcNow, 2))));
        await BeatAsync();
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                await BeatAsync();
            }
        });
        return new AsyncDisposableAction(async () =>
        {
            await stop.CancelAsync();
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
            stop.Dispose();
        });
    }

    public static void AssertScreenshots(params string[] files)
    {
        foreach (var file in files)
        {
            Assert.True(new FileInfo(Path.Combine(ScreenshotDirectory, file)) is { Exists: true, Length: > 1000 }, $"screenshot {file} missing");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ClusterWebHost.StopAsync(_factory);
        await _cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leaked temp file must not fail the run.
        }
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

    // The admin bootstrap runs just after start: wait until the login works before handing over to the browser.
    private async Task WaitForAdminAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!(await http.PostAsync("/api/auth/login", JsonContent(new { username = "admin", password = _adminPassword }))).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, "the admin user never appeared");
            await Task.Delay(200);
        }
    }

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}

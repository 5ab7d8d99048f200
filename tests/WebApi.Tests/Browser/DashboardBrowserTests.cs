using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParkingGrains.Grains;
using ParkingGrains.Grains.Demo;
using ParkingGrains.Runtime.Testing;
using Xunit.Abstractions;

namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>
/// The dashboard (operator Live and Reports tabs, Admin and Driver tabs) in real headless Chromium: tests/Browser/dashboard.test.mjs (playwright-core, Debian's
/// /usr/bin/chromium) against a real Kestrel web host over an in-process cluster whose history is a SQLite file, so
/// the Reports tab has a working revenue report. Fails (never skips) when node, node_modules or chromium are missing.
/// Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminPassword = "browser-admin-password-1";
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(3);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pg-browser-" + Guid.NewGuid().ToString("N"));
    private TestCluster? _cluster;
    private WebApplicationFactory<Program>? _factory;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var connectionString = $"Data Source={Path.Combine(_directory, "parking.db")}";
        var serviceId = TestServers.UniqueId("browser");
        var options = new TestClusterOptions { InitialSiloCount = 1 };
        options.GrainAssemblies.Add(GrainsAssembly.Assembly);
        options.ConfigureSilo = b => b
            .Configure(o => o.ServiceId = serviceId)
            .AddSqliteGrainStorage("Default", connectionString)
            .AddSqliteEventLog("Default", connectionString);
        _cluster = await TestCluster.StartAsync(options);
        await DemoSeeder.SeedAsync(_cluster.GrainFactory);

        var gateways = string.Join(',', _cluster.Silos.Select(s => s.GatewayEndpoint!.ToString()));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:ClusterId", _cluster.ClusterId);
            web.UseSetting("Cluster:ServiceId", serviceId);
            web.UseSetting("Cluster:Gateways", gateways);
            web.UseSetting("Auth:AdminPassword", AdminPassword);
            web.UseSetting("Storage:Provider", "Sqlite");
            web.UseSetting("ConnectionStrings:Sqlite", connectionString);
            web.UseSetting("Web:Urls", "http://127.0.0.1:0");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_SignIn_LiveEntry_GateOpen_RevenueChart_AdminAndDriverTabs_InHeadlessChromium()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "tests", "Browser", "dashboard.test.mjs");
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian chromium is required at /usr/bin/chromium (./test.sh installs it)");
        Assert.True(Directory.Exists(Path.Combine(root, "tests", "Browser", "node_modules", "playwright-core")),
            "tests/Browser/node_modules is missing: run npm install in tests/Browser (./test.sh does)");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "signalr", "signalr.min.js")),
            "the dashboard's browser libraries are missing from the build: run npm install in src/WebApi/ClientApp and rebuild");

        // The admin bootstrap runs just after start: wait until the login works before handing over to the browser.
        using (var http = new HttpClient { BaseAddress = _address })
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!(await http.PostAsync("/api/auth/login", JsonContent(new { username = "admin", password = AdminPassword }))).IsSuccessStatusCode)
            {
                Assert.True(DateTime.UtcNow < deadline, "the admin user never appeared");
                await Task.Delay(200);
            }
        }

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["BASE_URL"] = _address.ToString().TrimEnd('/');
        start.Environment["ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["SCREENSHOT_DIR"] = Path.Combine(root, "artifacts", "screenshots");
        start.Environment["CHROMIUM"] = "/usr/bin/chromium";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_scriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var log = $"{await stdout}\n{await stderr}".Trim();
        output.WriteLine(log);
        foreach (var line in log.Split('\n').Where(l => l.StartsWith("entry → DOM", StringComparison.Ordinal)))
        {
            Console.WriteLine(line);
        }

        Assert.True(process.ExitCode == 0 && log.Contains("PASS", StringComparison.Ordinal), $"browser test failed (exit {process.ExitCode}):\n{log}");
        Assert.Contains("entry → DOM:", log, StringComparison.Ordinal);
        foreach (var shot in new[]
                 {
                     "dashboard-desktop.png", "dashboard-phone-dark.png", "reports-desktop.png",
                     "admin-desktop.png", "admin-phone-dark.png", "driver-desktop.png", "driver-phone-dark.png",
                 })
        {
            Assert.True(new FileInfo(Path.Combine(root, "artifacts", "screenshots", shot)) is { Exists: true, Length: > 1000 }, $"screenshot {shot} missing");
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            try
            {
                await _factory.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
                // With Kestrel the factory stops the host twice (see Realtime/KestrelWebHost); the host is down either way.
            }
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

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

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

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

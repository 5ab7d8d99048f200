using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace ParkingGrains.Silo.Tests;

/// <summary>
/// A real ParkingGrains.Silo or ParkingGrains.WebApi process started from the build output with --Key=Value settings.
/// It can be killed (SIGKILL), frozen (SIGSTOP), thawed (SIGCONT) or stopped gracefully (SIGTERM); disposing kills it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>Logged by Microsoft.Hosting.Lifetime once every hosted service (the silo, the Orleans client, Kestrel) has started.</summary>
    public const string Started = "Application started.";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyText;

    private HostProcess(Process process, string name, IReadOnlyDictionary<string, string> settings, string readyText)
    {
        _process = process;
        Name = name;
        Settings = settings;
        _readyText = readyText;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public int Id => _process.Id;

    public int SiloPort => int.Parse(Settings["Silo:SiloPort"], CultureInfo.InvariantCulture);

    public int GatewayPort => int.Parse(Settings["Silo:GatewayPort"], CultureInfo.InvariantCulture);

    public IPEndPoint Gateway => new(IPAddress.Loopback, GatewayPort);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ParkingGrains.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("ParkingGrains.sln not found above the test output.");
        }
    }

    /// <summary>Starts a silo on fresh (or the given) ports and waits until it has started.</summary>
    public static Task<HostProcess> StartSiloAsync(string name, IReadOnlyDictionary<string, string> configuration, int siloPort = 0, int gatewayPort = 0, string readyText = Started)
    {
        var settings = new Dictionary<string, string>(configuration)
        {
            ["Silo:SiloName"] = name,
            ["Silo:SiloPort"] = (siloPort == 0 ? PortAllocator.Next() : siloPort).ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = (gatewayPort == 0 ? PortAllocator.Next() : gatewayPort).ToString(CultureInfo.InvariantCulture),
        };
        return StartAsync(name, Binary("Silo", "ParkingGrains.Silo.dll"), settings, readyText);
    }

    /// <summary>Starts the standalone web API (its own Orleans client) and waits until it has started.</summary>
    public static Task<HostProcess> StartWebApiAsync(IReadOnlyDictionary<string, string> configuration) =>
        StartAsync("web", Binary("WebApi", "ParkingGrains.WebApi.dll"), configuration, Started);

    /// <summary>Starts a gate agent (one lane) and waits until its devices are started.</summary>
    public static Task<HostProcess> StartGateAgentAsync(string name, IReadOnlyDictionary<string, string> configuration) =>
        StartAsync(name, Binary("GateAgent", "ParkingGrains.GateAgent.dll"), configuration, "ready: devices started");

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed machine.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the process keeps its sockets open but answers nothing, like a hung machine.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="FreezeAsync"/>.</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>SIGTERM and wait for the graceful shutdown (the silo leaves the cluster and hands its grains over).</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        await SignalAsync("TERM");
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {timeout}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A frozen process must be thawed to be reaped promptly; SIGKILL works either way.
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string Binary(string project, string assembly)
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value;
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration!, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/{project} first: {assembly} is missing.", path);
    }

    private static async Task<HostProcess> StartAsync(string name, string assemblyPath, IReadOnlyDictionary<string, string> configuration, string readyText)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(assemblyPath);
        var settings = new Dictionary<string, string>(configuration)
        {
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, name, settings, readyText);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => host._ready.TrySetException(new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{host.Output}")), TaskScheduler.Default);
        try
        {
            await host._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id} failed with {kill.ExitCode}.");
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(_readyText, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }
}

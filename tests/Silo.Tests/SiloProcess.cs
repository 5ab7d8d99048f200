using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;

namespace ParkingGrains.Silo.Tests;

/// <summary>A real ParkingGrains.Silo process started from the build output, killed with SIGKILL when asked.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

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

    public static string SiloAssemblyPath
    {
        get
        {
            var configuration = typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value;
            var path = Path.Combine(RepositoryRoot, "src", "Silo", "bin", configuration!, "net10.0", "ParkingGrains.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the silo host is missing.", path);
        }
    }

    /// <summary>Starts a silo with the given configuration (as --Key=Value) and waits until it reports being active.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> configuration, int siloPort = 0, int gatewayPort = 0, string readyText = "is active")
    {
        siloPort = siloPort == 0 ? SiloPortAllocator.Next() : siloPort;
        gatewayPort = gatewayPort == 0 ? SiloPortAllocator.Next() : gatewayPort;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(SiloAssemblyPath);
        var settings = new Dictionary<string, string>(configuration)
        {
            ["Silo:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new SiloProcess(process, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.OnLine(e.Data, readyText);
        process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data, readyText);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => silo._ready.TrySetException(new InvalidOperationException($"Silo exited with {process.ExitCode}:\n{silo.Output}")), TaskScheduler.Default);
        try
        {
            await silo._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed machine.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line, string readyText)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(readyText, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }
}

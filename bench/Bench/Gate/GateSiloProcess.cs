using System.Diagnostics;
using System.Globalization;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// The gate benchmark's silo as a child process (<see cref="GateSiloHost"/>): started on fixed ports so that, after a
/// <c>kill -9</c>, it comes back where the lanes look for it, on the same PostgreSQL state. Its output goes to a log file.
/// </summary>
public sealed class GateSiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GateSiloProcess(Process process, double startMilliseconds)
    {
        _process = process;
        StartMilliseconds = startMilliseconds;
    }

    /// <summary>From the process start to its ready line.</summary>
    public double StartMilliseconds { get; }

    public int ProcessId => _process.Id;

    public static async Task<GateSiloProcess> StartAsync(string serviceId, int siloPort, int gatewayPort, string logPath)
    {
        var started = Stopwatch.GetTimestamp();
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(GateSiloHost).Assembly.Location, "gate-silo", serviceId, siloPort.ToString(CultureInfo.InvariantCulture), gatewayPort.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The gate silo process did not start.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var logLock = new Lock();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (logLock)
            {
                log.WriteLine(line);
            }

            if (line.Contains(GateSiloHost.ReadyLine, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The gate silo process exited before it was ready; see {logPath}."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new GateSiloProcess(process, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Peak RSS of the silo process so far, MB.</summary>
    public double PeakMegabytes() => _process.HasExited ? 0 : ProcessMemory.PeakMegabytes(_process.Id);

    /// <summary><c>kill -9</c>: no shutdown, no goodbye to the clients.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}

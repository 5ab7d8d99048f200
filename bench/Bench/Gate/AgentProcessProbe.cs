using System.Diagnostics;
using System.Globalization;

namespace ParkingGrains.Bench.Gate;

/// <summary>
/// Part 3 of <c>./bench.sh gate</c>: the real GateAgent executable (Release) for one lane with simulated traffic (a car
/// every second or so, its plate rendered and read): the time from the process start to its "Lane … ready" line
/// (devices started, plate models loaded) and to "Connected to cluster", and its memory from /proc (VmHWM, the peak
/// RSS; also the RSS when it was ready, before any plate was read, and its thread count).
/// </summary>
public static class AgentProcessProbe
{
    public static async Task<AgentProbeResult> RunAsync(string agentDll, string gateId, string key, string gateway, string clusterId, string folder, TimeSpan traffic)
    {
        var log = Path.Combine(folder, $"agent-{gateId}.log");
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // As ./run.sh starts it: from its output folder, whose appsettings.json sets the log levels.
            WorkingDirectory = Path.GetDirectoryName(agentDll)!,
        };
        info.ArgumentList.Add(agentDll);
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["Lane__GateId"] = gateId,
            ["Lane__Key"] = key,
            ["Lane__Gateways"] = gateway,
            ["Lane__ClusterId"] = clusterId,
            ["Lane__JournalPath"] = Path.Combine(folder, $"agent-{gateId}.db"),
            ["Lane__ReceiptFolder"] = Path.Combine(folder, "agent-receipts"),
            ["Lane__CardReaderPort"] = "0",
            ["Lane__Direction"] = "In",
            ["Lane__Simulate"] = "true",
            ["Lane__TrafficInterval"] = "00:00:01",
        })
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        double? ready = null, connected = null;
        var vehicles = 0;
        var unsure = 0;
        var readyLine = $"Lane {gateId} ready";
        var logLock = new Lock();
        await using var writer = new StreamWriter(log) { AutoFlush = true };
        var readySeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            var at = clock.Elapsed.TotalMilliseconds;
            lock (logLock)
            {
                writer.WriteLine(line);
                if (ready is null && line.Contains(readyLine, StringComparison.Ordinal))
                {
                    ready = at;
                    readySeen.TrySetResult();
                }

                if (connected is null && line.Contains("Connected to cluster", StringComparison.Ordinal))
                {
                    connected = at;
                }

                // The display greets each admitted car by its plate ("display: Welcome 51F12345 | …").
                if (line.Contains("display: Welcome ", StringComparison.Ordinal) && !line.Contains("display: Welcome |", StringComparison.Ordinal))
                {
                    vehicles++;
                }

                if (line.Contains("waiting for the operator or a card", StringComparison.Ordinal))
                {
                    unsure++;
                }
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("The gate agent did not start.");
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await readySeen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var rssAtReady = ProcessMemory.PeakMegabytes(process.Id);
            var until = clock.Elapsed + traffic;
            var threads = 0;
            while (clock.Elapsed < until && !process.HasExited)
            {
                threads = Math.Max(threads, Threads(process.Id));
                await Task.Delay(500);
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The gate agent exited (code {process.ExitCode}); see {log}.");
            }

            var peak = ProcessMemory.PeakMegabytes(process.Id);
            lock (logLock)
            {
                return new AgentProbeResult(Math.Round(ready!.Value, 1), connected is { } c ? Math.Round(c, 1) : double.NaN, peak, rssAtReady, threads, vehicles, unsure, log);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static int Threads(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

using System.Globalization;

namespace ParkingGrains.Bench;

/// <summary>Peak resident set size (VmHWM) of a process, from /proc; the peak of this process can be reset per phase.</summary>
public static class ProcessMemory
{
    /// <summary>Resets this process's peak RSS to its current RSS (Linux: "5" to /proc/self/clear_refs), after a full collection.</summary>
    public static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not allowed: the peak then covers the process's life so far.
        }
    }

    /// <summary>Peak RSS in MB of this process (or of <paramref name="pid"/>), 0 when /proc is not readable.</summary>
    public static double PeakMegabytes(int? pid = null)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid?.ToString(CultureInfo.InvariantCulture) ?? "self"}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return Math.Round(kilobytes / 1024, 1);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }
}

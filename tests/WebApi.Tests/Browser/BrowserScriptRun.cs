namespace ParkingGrains.WebApi.Tests.Browser;

/// <summary>How a browser test script ended: its exit code and everything it printed (stdout, then stderr).</summary>
public sealed record BrowserScriptRun(int ExitCode, string Log)
{
    /// <summary>A script passes by exiting 0 after printing its final "PASS" line.</summary>
    public bool Passed => ExitCode == 0 && Log.Contains("PASS", StringComparison.Ordinal);
}

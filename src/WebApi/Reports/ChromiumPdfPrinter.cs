using System.ComponentModel;
using System.Diagnostics;

namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// Prints report HTML to PDF with headless Chromium: one process per request in its own temp directory (page,
/// profile and output, deleted afterwards), killed with its children at the timeout, stderr kept for the log. A
/// semaphore bounds concurrent browsers, since each one costs a few hundred MB and a core for a second or two.
/// </summary>
internal sealed class ChromiumPdfPrinter(ChromiumPdfOptions options, ILogger<ChromiumPdfPrinter> logger)
{
    // The flags SERVICES.md found necessary as root in a closed network (no sandbox, no background traffic).
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
        "--no-pdf-header-footer", "--print-to-pdf-no-header",
    ];

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private readonly SemaphoreSlim _browsers = new(Math.Max(1, options.Concurrency));

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var executable = FindExecutable() ?? throw new PdfRenderingException(
            "Headless Chromium is not installed (set Reports:ChromiumPath or install the chromium package).", unavailable: true);

        await _browsers.WaitAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("pg-report-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);

            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = work.FullName,
            };
            foreach (var flag in Flags)
            {
                start.ArgumentList.Add(flag);
            }

            start.ArgumentList.Add("--user-data-dir=" + Path.Combine(work.FullName, "profile"));
            start.ArgumentList.Add("--print-to-pdf=" + pdf);
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);

            var watch = Stopwatch.StartNew();
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (Win32Exception e)
            {
                throw new PdfRenderingException($"Headless Chromium could not be started ({executable}: {e.Message}).", unavailable: true, inner: e);
            }

            if (process is null)
            {
                throw new PdfRenderingException($"Headless Chromium could not be started ({executable}).", unavailable: true);
            }

            using (process)
            {
                // Both pipes drained concurrently, or a chatty browser blocks on a full pipe and looks like a hang.
                var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
                var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(options.Timeout);
                try
                {
                    await process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Kill(process);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new PdfRenderingException($"Chromium did not finish printing within {options.Timeout.TotalSeconds:0} s.", unavailable: false, await Tail(stderr));
                }

                var errors = await Tail(stderr);
                await stdout.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
                var info = new FileInfo(pdf);
                if (process.ExitCode != 0 || !info.Exists || info.Length == 0)
                {
                    logger.LogWarning("Chromium exited with {ExitCode} without a PDF; stderr: {Stderr}", process.ExitCode, errors);
                    throw new PdfRenderingException($"Chromium exited with code {process.ExitCode} without printing the report.", unavailable: false, errors);
                }

                logger.LogDebug("Printed a {Bytes}-byte PDF in {Elapsed} ms; stderr: {Stderr}", info.Length, watch.ElapsedMilliseconds, errors);
                return await File.ReadAllBytesAsync(pdf, cancellationToken);
            }
        }
        finally
        {
            _browsers.Release();
            Delete(work);
        }
    }

    /// <summary>The configured path, else the first browser on the PATH; null when there is none.</summary>
    public string? FindExecutable()
    {
        if (!string.IsNullOrWhiteSpace(options.ExecutablePath))
        {
            return File.Exists(options.ExecutablePath) ? options.ExecutablePath : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Candidates)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The last 4,000 characters of stderr; a helper process still holding the pipe must not hold the request.</summary>
    private static async Task<string> Tail(Task<string> stderr)
    {
        string text;
        try
        {
            text = await stderr.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            return "(stderr still open after exit)";
        }

        return text.Length > 4000 ? text[^4000..] : text;
    }

    private void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception e)
        {
            logger.LogWarning(e, "Could not kill Chromium process {Pid}", process.Id);
        }
    }

    /// <summary>Best effort, retried once: Chromium's helpers can hold the profile for a moment after the main process exits.</summary>
    private void Delete(DirectoryInfo work)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                work.Delete(recursive: true);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 1)
                {
                    logger.LogWarning(e, "Could not delete the report directory {Directory}", work.FullName);
                }
                else
                {
                    Thread.Sleep(200);
                }
            }
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// Frames from image files appearing in a folder: a <see cref="FileSystemWatcher"/> plus a scan at start (files
/// already there, oldest first). A file is delivered once, and only complete: a PNG or JPEG still being written does
/// not end the way a whole one does (<see cref="ImageFiles.IsComplete"/>), so it waits and is looked at again on each
/// change and every <see cref="FolderCameraOptions.RecheckInterval"/>. A file that vanishes before it is read is
/// logged and skipped; one rewritten later (new size or time) is a new frame. Only <c>.png</c>, <c>.jpg</c>,
/// <c>.jpeg</c> are looked at; the folder is created if missing.
/// </summary>
public sealed class FolderCamera(FolderCameraOptions options, TimeProvider time, ILogger<FolderCamera> logger) : ICamera
{
    private const int ForgetAbove = 10_000;
    private readonly Channel<CameraFrame> _frames = DeviceChannel.Create<CameraFrame>(8);
    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, (long Length, DateTime WrittenUtc)> _delivered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _incomplete = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _recheck;
    private Task _processing = Task.CompletedTask;

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_watcher is not null)
        {
            return Task.CompletedTask;
        }

        var folder = Path.GetFullPath(options.Folder);
        Directory.CreateDirectory(folder);
        // Watch before scanning, so a file written in between is seen by one or the other (both: delivered once).
        var watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        watcher.Created += (_, e) => _changed.Writer.TryWrite(e.FullPath);
        watcher.Changed += (_, e) => _changed.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => _changed.Writer.TryWrite(e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Camera folder {Folder}: watcher overflow; rescanning", folder);
            Scan(folder);
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
        Scan(folder);
        _processing = Task.Run(() => ProcessAsync(_stopping.Token), CancellationToken.None);
        _recheck = time.CreateTimer(_ => _changed.Writer.TryWrite(""), null, options.RecheckInterval, options.RecheckInterval);
        logger.LogInformation("Camera watching {Folder}", folder);
        return Task.CompletedTask;
    }

    /// <summary>A folder camera delivers files as they arrive; a trigger has nothing to take.</summary>
    public Task TriggerAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _watcher?.Dispose();
        if (_recheck is not null)
        {
            await _recheck.DisposeAsync();
        }

        await _stopping.CancelAsync();
        _changed.Writer.TryComplete();
        await _processing;
        _frames.Writer.TryComplete();
        _stopping.Dispose();
    }

    private void Scan(string folder)
    {
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                _changed.Writer.TryWrite(file.FullName);
            }
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Camera folder {Folder}: scan failed", folder);
        }
    }

    private async Task ProcessAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var path in _changed.Reader.ReadAllAsync(stopping))
            {
                if (path.Length == 0)
                {
                    await RecheckIncompleteAsync(stopping); // the recheck timer's tick
                }
                else if (ImageFiles.IsSupportedName(path))
                {
                    await LookAtAsync(path, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RecheckIncompleteAsync(CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        foreach (var (path, since) in _incomplete.ToArray())
        {
            if (now - since > options.GiveUpAfter)
            {
                _incomplete.Remove(path);
                logger.LogWarning("Camera: {Path} was still not a complete image after {After}; skipped", path, options.GiveUpAfter);
            }
            else
            {
                await LookAtAsync(path, stopping);
            }
        }
    }

    private async Task LookAtAsync(string path, CancellationToken stopping)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            Vanished(path);
            return;
        }

        if (_delivered.TryGetValue(path, out var seen) && seen == (info.Length, info.LastWriteTimeUtc))
        {
            return; // the same file again (a late change event, the start scan)
        }

        if (info.Length > CameraFrame.MaxImageBytes)
        {
            logger.LogWarning("Camera: {Path} is larger than {Max} bytes; skipped", path, CameraFrame.MaxImageBytes);
            Remember(path, info);
            return;
        }

        byte[] image;
        try
        {
            image = await File.ReadAllBytesAsync(path, stopping);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            Vanished(path);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogDebug("Camera: {Path} not readable yet ({Error})", path, ex.Message);
            _incomplete.TryAdd(path, time.GetUtcNow());
            return;
        }

        if (!ImageFiles.IsComplete(image))
        {
            _incomplete.TryAdd(path, time.GetUtcNow());
            return;
        }

        _incomplete.Remove(path);
        info.Refresh();
        Remember(path, info);
        _frames.Writer.TryWrite(new CameraFrame(image, time.GetUtcNow(), path));
    }

    private void Remember(string path, FileInfo info)
    {
        if (_delivered.Count >= ForgetAbove)
        {
            // Cameras rotate their files: forget the ones that are gone.
            foreach (var known in _delivered.Keys.Where(k => !File.Exists(k)).ToArray())
            {
                _delivered.Remove(known);
            }
        }

        _delivered[path] = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (0, default);
    }

    private void Vanished(string path)
    {
        if (_delivered.Remove(path))
        {
            return; // delivered, then removed: nothing was missed
        }

        if (_incomplete.Remove(path))
        {
            logger.LogWarning("Camera: {Path} vanished before it was complete; skipped", path);
        }
        else
        {
            logger.LogWarning("Camera: {Path} vanished before it could be read; skipped", path);
        }
    }
}

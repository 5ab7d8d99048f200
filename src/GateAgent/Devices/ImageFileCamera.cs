using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>A camera that plays back image files: each trigger delivers the next file of the list, round and round.
/// A file that is missing, unreadable or too large is logged and gives no frame.</summary>
public sealed class ImageFileCamera(IReadOnlyList<string> files, TimeProvider time, ILogger<ImageFileCamera> logger) : ICamera
{
    private readonly Channel<CameraFrame> _frames = DeviceChannel.Create<CameraFrame>(4);
    private int _next;

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
        {
            return;
        }

        var path = files[(int)((uint)(Interlocked.Increment(ref _next) - 1) % (uint)files.Count)];
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > CameraFrame.MaxImageBytes)
            {
                logger.LogWarning("Camera: {Path} is larger than {Max} bytes; skipped", path, CameraFrame.MaxImageBytes);
                return;
            }

            var image = await File.ReadAllBytesAsync(path, cancellationToken);
            _frames.Writer.TryWrite(new CameraFrame(image, time.GetUtcNow(), path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Camera: {Path} could not be read ({Error}); skipped", path, ex.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}

using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// A camera asked for a still over HTTP on each trigger. A non-success status, a timeout, a network error, an empty
/// or oversized body is logged and gives no frame; only the caller's own cancellation is thrown.
/// </summary>
public sealed class HttpSnapshotCamera(HttpClient http, HttpSnapshotCameraOptions options, TimeProvider time, ILogger<HttpSnapshotCamera> logger) : ICamera
{
    private readonly Channel<CameraFrame> _frames = DeviceChannel.Create<CameraFrame>(4);

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Camera {Url}: HTTP {Status}; no frame", options.Url, (int)response.StatusCode);
                return;
            }

            if (response.Content.Headers.ContentLength > CameraFrame.MaxImageBytes)
            {
                logger.LogWarning("Camera {Url}: a snapshot of {Length} bytes is too large; no frame", options.Url, response.Content.Headers.ContentLength);
                return;
            }

            var image = await ReadBoundedAsync(response.Content, linked.Token);
            if (image is null or { Length: 0 })
            {
                logger.LogWarning("Camera {Url}: the snapshot was empty or larger than {Max} bytes; no frame", options.Url, CameraFrame.MaxImageBytes);
                return;
            }

            _frames.Writer.TryWrite(new CameraFrame(image, time.GetUtcNow(), options.Url.ToString()));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Camera {Url}: no snapshot within {Timeout}; no frame", options.Url, options.Timeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            logger.LogWarning("Camera {Url}: {Error}; no frame", options.Url, ex.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>The body, or null when it grows past the limit (a server may not send a length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > CameraFrame.MaxImageBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}

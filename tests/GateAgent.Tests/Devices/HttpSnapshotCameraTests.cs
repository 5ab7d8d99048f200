using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>The HTTP snapshot camera against a real HTTP server on loopback.</summary>
public sealed class HttpSnapshotCameraTests : IAsyncLifetime
{
    private readonly byte[] _image = TestImages.Jpeg(120);
    private readonly HttpListener _server = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new();
    private readonly ListLogger<HttpSnapshotCamera> _log = new();
    private Task _serving = Task.CompletedTask;
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _baseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _server.Prefixes.Add(_baseUrl);
        _server.Start();
        _serving = ServeAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        _server.Stop();
        await _serving;
        _server.Close();
        _http.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var response = context.Response;
                switch (context.Request.Url!.AbsolutePath)
                {
                    case "/snapshot.jpg":
                        response.ContentType = "image/jpeg";
                        await response.OutputStream.WriteAsync(_image);
                        break;
                    case "/slow.jpg":
                        await _release.Task; // answers only when the test ends
                        break;
                    case "/empty.jpg":
                        break;
                    default:
                        response.StatusCode = 500;
                        break;
                }
            });
        }
    }

    private HttpSnapshotCamera Camera(string path, TimeSpan? timeout = null) =>
        new(_http, new HttpSnapshotCameraOptions(new Uri(_baseUrl + path)) { Timeout = timeout ?? TimeSpan.FromSeconds(5) }, TimeProvider.System, _log);

    [Fact]
    public async Task A_trigger_gets_a_snapshot()
    {
        await using var camera = Camera("snapshot.jpg");

        await camera.TriggerAsync();

        Assert.True(camera.Frames.TryRead(out var frame));
        Assert.Equal(_image, frame.Image);
        Assert.Equal(_baseUrl + "snapshot.jpg", frame.Source);
    }

    [Fact]
    public async Task A_server_error_is_logged_and_gives_no_frame()
    {
        await using var camera = Camera("broken.jpg");

        await camera.TriggerAsync();

        Assert.False(camera.Frames.TryRead(out _));
        Assert.True(_log.Has(LogLevel.Warning, "HTTP 500"));
    }

    [Fact]
    public async Task A_snapshot_slower_than_the_timeout_is_logged_and_gives_no_frame()
    {
        await using var camera = Camera("slow.jpg", TimeSpan.FromMilliseconds(300));

        await camera.TriggerAsync();

        Assert.False(camera.Frames.TryRead(out _));
        Assert.True(_log.Has(LogLevel.Warning, "no snapshot within"));
    }

    [Fact]
    public async Task An_empty_body_or_an_unreachable_camera_gives_no_frame()
    {
        await using var empty = Camera("empty.jpg");
        await using var unreachable = new HttpSnapshotCamera(_http, new HttpSnapshotCameraOptions(new Uri("http://127.0.0.1:1/snapshot.jpg")), TimeProvider.System, _log);

        await empty.TriggerAsync();
        await unreachable.TriggerAsync();

        Assert.False(empty.Frames.TryRead(out _));
        Assert.False(unreachable.Frames.TryRead(out _));
        Assert.True(_log.Has(LogLevel.Warning, "empty"));
    }
}

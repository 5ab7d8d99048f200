using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>
/// The watched folder on a real file system. The camera handles files one at a time in the order it heard of them, so
/// a complete file written after another is a marker: once its frame arrives, the earlier file has been looked at.
/// </summary>
public sealed class FolderCameraTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gate-camera-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new();
    private readonly ListLogger<FolderCamera> _log = new();
    private readonly FolderCamera _camera;

    public FolderCameraTests()
    {
        Directory.CreateDirectory(_folder);
        _camera = new FolderCamera(new FolderCameraOptions(_folder), _time, _log);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _camera.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task<CameraFrame> MarkerAsync(string name, byte shade)
    {
        var bytes = TestImages.Png(shade);
        await File.WriteAllBytesAsync(PathOf(name), bytes);
        var frame = await Wait.NextAsync(_camera.Frames);
        Assert.Equal(PathOf(name), frame.Source);
        Assert.Equal(bytes, frame.Image);
        return frame;
    }

    [Fact]
    public async Task Files_already_there_are_read_at_start_oldest_first()
    {
        var older = TestImages.Png(10);
        var newer = TestImages.Jpeg(20);
        await File.WriteAllBytesAsync(PathOf("b.png"), older);
        File.SetLastWriteTimeUtc(PathOf("b.png"), DateTime.UtcNow.AddMinutes(-2));
        await File.WriteAllBytesAsync(PathOf("a.jpg"), newer);
        await File.WriteAllTextAsync(PathOf("notes.txt"), "not an image");

        await _camera.StartAsync();

        Assert.Equal(older, (await Wait.NextAsync(_camera.Frames)).Image);
        Assert.Equal(newer, (await Wait.NextAsync(_camera.Frames)).Image);
        await MarkerAsync("marker.png", 30);
    }

    [Fact]
    public async Task A_file_written_in_two_parts_is_read_once_and_complete()
    {
        await _camera.StartAsync();
        var image = TestImages.Jpeg(40);
        var half = image.Length / 2;

        await using (var writer = new FileStream(PathOf("car.jpg"), FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            await writer.WriteAsync(image.AsMemory(0, half));
            await writer.FlushAsync();
            await MarkerAsync("marker1.png", 50); // the first half has been looked at (and not delivered)

            await writer.WriteAsync(image.AsMemory(half));
        }

        var frame = await Wait.NextAsync(_camera.Frames);
        Assert.Equal(PathOf("car.jpg"), frame.Source);
        Assert.Equal(image, frame.Image);

        File.SetLastAccessTimeUtc(PathOf("car.jpg"), DateTime.UtcNow); // more events for the same file
        await MarkerAsync("marker2.png", 60); // the next frame is the marker: car.jpg came once
    }

    [Fact]
    public async Task A_file_that_vanishes_before_it_is_complete_is_skipped_and_logged()
    {
        await _camera.StartAsync();
        await File.WriteAllBytesAsync(PathOf("gone.png"), TestImages.Png(70)[..20]);
        await MarkerAsync("marker1.png", 80);

        File.Delete(PathOf("gone.png"));
        _time.Advance(new FolderCameraOptions(_folder).RecheckInterval); // the recheck looks at incomplete files again
        await MarkerAsync("marker2.png", 90);

        Assert.True(_log.Has(LogLevel.Warning, "vanished"));
    }

    [Fact]
    public async Task A_rewritten_file_is_a_new_frame()
    {
        await _camera.StartAsync();
        await MarkerAsync("snap.png", 100);
        var second = TestImages.Png(110);
        await File.WriteAllBytesAsync(PathOf("snap.png"), second);
        File.SetLastWriteTimeUtc(PathOf("snap.png"), DateTime.UtcNow.AddSeconds(5));

        Assert.Equal(second, (await Wait.NextAsync(_camera.Frames)).Image);
    }
}

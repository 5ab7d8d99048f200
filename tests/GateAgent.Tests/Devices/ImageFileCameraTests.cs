using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class ImageFileCameraTests
{
    [Fact]
    public async Task Each_trigger_plays_the_next_file_round_and_round_and_a_missing_one_is_logged()
    {
        var folder = Directory.CreateTempSubdirectory("gate-files-").FullName;
        try
        {
            var a = Path.Combine(folder, "a.png");
            var b = Path.Combine(folder, "b.jpg");
            await File.WriteAllBytesAsync(a, TestImages.Png(1));
            await File.WriteAllBytesAsync(b, TestImages.Jpeg(2));
            var log = new ListLogger<ImageFileCamera>();
            await using var camera = new ImageFileCamera([a, Path.Combine(folder, "missing.png"), b], new FakeTimeProvider(), log);

            var sources = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                await camera.TriggerAsync();
                while (camera.Frames.TryRead(out var frame))
                {
                    sources.Add(frame.Source);
                }
            }

            Assert.Equal([a, b, a], sources);
            Assert.True(log.Has(LogLevel.Warning, "missing.png"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

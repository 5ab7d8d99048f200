using Microsoft.Extensions.Time.Testing;
using ParkingGrains.GateAgent.Devices;
using SkiaSharp;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class SimulatedCameraTests
{
    /// <summary>The share of the pixels in <paramref name="area"/> that satisfy <paramref name="test"/>.</summary>
    private static double Share(SKBitmap bitmap, SKRectI area, Func<SKColor, bool> test)
    {
        var hits = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                hits += test(bitmap.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return hits / (double)(area.Width * area.Height);
    }

    private static bool White(SKColor c) => c is { Red: > 200, Green: > 200, Blue: > 200 };

    private static bool Yellow(SKColor c) => c is { Red: > 200, Green: > 160, Blue: < 110 };

    private static bool Dark(SKColor c) => c is { Red: < 80, Green: < 80, Blue: < 80 };

    [Fact]
    public async Task Capture_renders_a_decodable_1024x600_frame_with_the_plate_on_it()
    {
        await using var camera = new SimulatedCamera(new FakeTimeProvider());

        var frame = camera.Capture("51F-123.45");

        Assert.True(camera.Frames.TryRead(out var delivered));
        Assert.Same(frame, delivered);
        using var bitmap = SKBitmap.Decode(frame.Image);
        Assert.NotNull(bitmap);
        Assert.Equal((SimulatedCamera.Width, SimulatedCamera.Height), (bitmap.Width, bitmap.Height));
        var plate = camera.LastPlateBounds;
        Assert.True(plate.Width > 3 * plate.Height, "a one-line plate is wide");
        Assert.True(new SKRectI(0, 0, SimulatedCamera.Width, SimulatedCamera.Height).Contains(plate));
        Assert.True(Share(bitmap, plate, White) > 0.4, "a white plate");
        Assert.True(Share(bitmap, plate, Dark) > 0.1, "with dark characters and border");
        Assert.True(Share(bitmap, plate, Yellow) < 0.01, "not yellow");
    }

    [Fact]
    public async Task Yellow_and_two_line_plates()
    {
        await using var camera = new SimulatedCamera(new FakeTimeProvider());

        var frame = camera.Capture("59-X1 123.45", new SimulatedPlateStyle(Yellow: true));

        using var bitmap = SKBitmap.Decode(frame.Image);
        var plate = camera.LastPlateBounds;
        Assert.True(plate.Width < 2 * plate.Height, "a two-line plate is squarish");
        Assert.True(Share(bitmap, plate, Yellow) > 0.4, "a yellow plate");
        Assert.True(Share(bitmap, plate, Dark) > 0.1, "with dark characters and border");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_images_and_a_trigger_shows_the_empty_lane()
    {
        await using var one = new SimulatedCamera(new FakeTimeProvider(), seed: 7);
        await using var two = new SimulatedCamera(new FakeTimeProvider(), seed: 7);

        Assert.Equal(one.Capture("30A-1234").Image, two.Capture("30A-1234").Image);
        await one.TriggerAsync();
        Assert.True(one.LastPlateBounds.IsEmpty);
    }
}

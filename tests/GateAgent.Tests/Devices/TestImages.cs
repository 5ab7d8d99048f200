using SkiaSharp;

namespace ParkingGrains.GateAgent.Tests.Devices;

/// <summary>Small real images for the camera tests.</summary>
public static class TestImages
{
    public static byte[] Encode(SKEncodedImageFormat format, int width = 64, int height = 48, byte shade = 90)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(shade, (byte)(255 - shade), 128));
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Png(byte shade = 90) => Encode(SKEncodedImageFormat.Png, shade: shade);

    public static byte[] Jpeg(byte shade = 90) => Encode(SKEncodedImageFormat.Jpeg, shade: shade);
}

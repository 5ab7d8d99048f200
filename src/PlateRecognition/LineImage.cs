using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>Cuts a rotated rectangle out of a frame, straightened and scaled to a given height, in one draw.</summary>
internal static class LineImage
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static SKBitmap Render(SKImage frame, TextLine line, int height, int maxWidth)
    {
        var scale = height / Math.Max(line.Thickness, 1);
        var width = Math.Clamp((int)MathF.Round(line.Length * scale), 8, maxWidth);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        // Outside the frame (a rotated corner) is neutral grey, neither ink nor plate.
        canvas.Clear(new SKColor(128, 128, 128));
        canvas.Translate(width / 2f, height / 2f);
        canvas.Scale(width / Math.Max(line.Length, 1), scale);
        canvas.RotateDegrees(-line.Angle);
        canvas.Translate(-line.CenterX, -line.CenterY);
        canvas.DrawImage(frame, 0, 0, Sampling);
        return bitmap;
    }

    /// <summary>The frame scaled to exactly <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static SKBitmap Resize(SKImage frame, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.DrawImage(frame, new SKRect(0, 0, frame.Width, frame.Height), new SKRect(0, 0, width, height), Sampling);
        return bitmap;
    }
}

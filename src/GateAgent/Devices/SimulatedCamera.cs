using System.Threading.Channels;
using SkiaSharp;

namespace ParkingGrains.GateAgent.Devices;

/// <summary>
/// A camera for the simulated traffic and tests: <see cref="Capture"/> renders a 1024×600 JPEG of a lane scene — sky,
/// a wall with windows, a sign with other text, lane markings, a car — with the plate drawn on the car (white or
/// yellow, one or two lines, at a random place), so the plate reader works on real pixels. Seeded: the same seed and
/// calls give the same images. <see cref="TriggerAsync"/> captures the empty lane.
/// </summary>
public sealed class SimulatedCamera(TimeProvider time, int seed = 1) : ICamera
{
    public const int Width = 1024;
    public const int Height = 600;
    private const int JpegQuality = 90;
    private static readonly string[] s_signs = ["EXIT", "P", "LỐI RA", "SPEED 10", "NO PARKING", "B2 →", "PAY HERE"];
    private static readonly SKTypeface s_bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyleWeight.Bold, SKFontStyleWidth.Condensed, SKFontStyleSlant.Upright) ?? SKTypeface.Default;
    private static readonly SKTypeface s_regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    private readonly Channel<CameraFrame> _frames = DeviceChannel.Create<CameraFrame>(4);
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();

    public string Name { get; init; } = "simulated-camera";

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    /// <summary>Where the last captured plate was drawn (for tests and for checking the reader's box), or empty.</summary>
    public SKRectI LastPlateBounds { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        Render(null, null);
        return Task.CompletedTask;
    }

    /// <summary>Renders a car with <paramref name="plate"/>, delivers the frame in <see cref="Frames"/> and returns it.</summary>
    public CameraFrame Capture(string plate, SimulatedPlateStyle? style = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plate);
        return Render(plate.Trim(), style ?? new SimulatedPlateStyle());
    }

    public ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private CameraFrame Render(string? plate, SimulatedPlateStyle? style)
    {
        byte[] jpeg;
        lock (_lock)
        {
            using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            var canvas = surface.Canvas;
            DrawScene(canvas);
            LastPlateBounds = plate is null ? SKRectI.Empty : DrawCarAndPlate(canvas, plate, style!);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
            jpeg = data.ToArray();
        }

        var frame = new CameraFrame(jpeg, time.GetUtcNow(), Name);
        _frames.Writer.TryWrite(frame);
        return frame;
    }

    private void DrawScene(SKCanvas canvas)
    {
        using var paint = new SKPaint { IsAntialias = true };
        using (var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 260),
                   [new SKColor(150, 180, 210), new SKColor(205, 215, 225)], SKShaderTileMode.Clamp))
        {
            paint.Shader = sky;
            canvas.DrawRect(0, 0, Width, 260, paint);
            paint.Shader = null;
        }

        // A wall with windows: rectangles and edges a plate detector must not take for a plate.
        paint.Color = new SKColor(120, 110, 100);
        canvas.DrawRect(0, 60, Width, 200, paint);
        for (var x = 20 + _random.Next(30); x < Width - 60; x += 70 + _random.Next(40))
        {
            paint.Color = new SKColor((byte)_random.Next(40, 90), (byte)_random.Next(60, 110), (byte)_random.Next(90, 140));
            canvas.DrawRect(x, 90 + _random.Next(20), 40 + _random.Next(20), 50 + _random.Next(30), paint);
        }

        // Asphalt with noise and lane markings.
        paint.Color = new SKColor(70, 72, 75);
        canvas.DrawRect(0, 260, Width, Height - 260, paint);
        for (var i = 0; i < 400; i++)
        {
            var shade = (byte)_random.Next(55, 95);
            paint.Color = new SKColor(shade, shade, shade);
            canvas.DrawCircle(_random.Next(Width), 260 + _random.Next(Height - 260), 1 + _random.Next(3), paint);
        }

        paint.Color = new SKColor(230, 230, 220);
        paint.StrokeWidth = 8;
        canvas.DrawLine(80, Height, 300, 270, paint);
        canvas.DrawLine(Width - 80, Height, Width - 300, 270, paint);

        // A sign with text that is not a plate.
        var signX = _random.Next(20, Width - 220);
        paint.Color = new SKColor(20, 90, 170);
        canvas.DrawRoundRect(signX, 10 + _random.Next(20), 190, 44, 6, 6, paint);
        paint.Color = SKColors.White;
        using var signFont = new SKFont(s_regular, 24);
        canvas.DrawText(s_signs[_random.Next(s_signs.Length)], signX + 95, 46 + _random.Next(0, 2), SKTextAlign.Center, signFont, paint);

        // A cone and a pole.
        paint.Color = new SKColor(240, 120, 20);
        var coneX = _random.Next(20, 140);
        using var cone = SKPath.ParseSvgPathData($"M{coneX} 520 L{coneX + 25} 450 L{coneX + 50} 520 Z");
        canvas.DrawPath(cone, paint);
        paint.Color = new SKColor(200, 200, 40);
        canvas.DrawRect(Width - 60 - _random.Next(40), 200, 14, 320, paint);
    }

    private SKRectI DrawCarAndPlate(SKCanvas canvas, string plate, SimulatedPlateStyle style)
    {
        var lines = SplitLines(plate, style.TwoLines);
        var twoLines = lines.Length == 2;
        // Vietnamese plates: 520×110 mm (one line) and 330×165 mm or 190×140 mm (two lines).
        var plateWidth = twoLines ? _random.Next(130, 180) : _random.Next(180, 260);
        var plateHeight = twoLines ? (int)(plateWidth / 1.45) : (int)(plateWidth / 4.5);

        // The car around the plate, wholly inside the frame (a real camera is aimed so).
        var carWidth = Math.Min(plateWidth * 3 + _random.Next(40), 640);
        var carHeight = carWidth / 2;
        var carX = _random.Next(60, Width - 60 - carWidth);
        var carY = _random.Next(Math.Min(230, Height - 10 - carHeight), Height - 10 - carHeight + 1);
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = new SKColor((byte)_random.Next(30, 220), (byte)_random.Next(30, 220), (byte)_random.Next(30, 220));
        canvas.DrawRoundRect(carX, carY, carWidth, carHeight, 30, 30, paint);
        paint.Color = new SKColor(40, 50, 60);
        canvas.DrawRoundRect(carX + carWidth * 0.12f, carY + 10, carWidth * 0.76f, carHeight * 0.35f, 12, 12, paint);
        paint.Color = new SKColor(250, 245, 200);
        canvas.DrawOval(carX + carWidth * 0.12f, carY + carHeight * 0.6f, carWidth * 0.08f, carHeight * 0.07f, paint);
        canvas.DrawOval(carX + carWidth * 0.88f, carY + carHeight * 0.6f, carWidth * 0.08f, carHeight * 0.07f, paint);

        var plateX = carX + (carWidth - plateWidth) / 2 + _random.Next(-20, 21);
        var plateY = carY + carHeight - plateHeight - _random.Next(8, 24);
        var bounds = new SKRectI(plateX, plateY, plateX + plateWidth, plateY + plateHeight);
        paint.Color = style.Yellow ? new SKColor(247, 209, 23) : new SKColor(245, 245, 240);
        canvas.DrawRoundRect(bounds, 6, 6, paint);
        paint.Color = new SKColor(15, 15, 15);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = Math.Max(2, plateHeight / 20f);
        var border = new SKRect(bounds.Left + 3, bounds.Top + 3, bounds.Right - 3, bounds.Bottom - 3);
        canvas.DrawRoundRect(border, 5, 5, paint);
        paint.Style = SKPaintStyle.Fill;

        var lineHeight = (plateHeight - 10f) / lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            using var font = FitFont(lines[i], plateWidth - 20f, lineHeight * 0.82f);
            var metrics = font.Metrics;
            var baseline = bounds.Top + 5 + lineHeight * i + (lineHeight - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
            canvas.DrawText(lines[i], bounds.MidX, baseline, SKTextAlign.Center, font, paint);
        }

        return bounds;
    }

    private static string[] SplitLines(string plate, bool? twoLines)
    {
        var space = plate.IndexOf(' ', StringComparison.Ordinal);
        if (twoLines == false || (twoLines is null && space < 0))
        {
            return [plate];
        }

        if (space > 0)
        {
            return [plate[..space], plate[(space + 1)..].Trim()];
        }

        // "51F-123.45" as a square plate: the series above, the number below.
        var dash = plate.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? [plate[..dash], plate[(dash + 1)..]] : [plate[..(plate.Length / 2)], plate[(plate.Length / 2)..]];
    }

    private static SKFont FitFont(string text, float maxWidth, float maxHeight)
    {
        var font = new SKFont(s_bold, maxHeight);
        var width = font.MeasureText(text);
        if (width > maxWidth)
        {
            font.Size = maxHeight * maxWidth / width;
        }

        return font;
    }
}

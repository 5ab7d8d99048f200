using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>
/// <see cref="IPlateReader"/> on PP-OCRv4 with ONNX Runtime. One session each for the detector and the recogniser,
/// created once and shared by concurrent reads (ONNX Runtime's <c>Run</c> is thread-safe).
/// A plate crop (small, plate-shaped) is straightened and read directly, split into two lines when it is tall;
/// a camera frame goes through the detector on a downscaled copy, and every found line, alone or with the line
/// under it (two-line plates), is a candidate. The candidate that fits a plate grammar with the best confidence
/// wins; a crop that reads poorly directly also goes through the detector.
/// </summary>
public sealed class OnnxPlateReader : IPlateReader, IDisposable
{
    // Corrections are guesses by position: each one costs some confidence.
    private const double CorrectionPenalty = 0.9;

    // A read that fits no grammar never reaches the confirm threshold on its own.
    private const double UnknownFormatCeiling = 0.5;

    private const double SeparatorWeight = 0.1;

    // A plate line is at most about 7 times as long as high ("51F-123.45" with its margin); longer is not a plate.
    private const float MaxLineAspect = 9;

    private const int MaxLines = 12;

    private readonly PlateReaderOptions options;
    private readonly SessionOptions sessionOptions;
    private readonly TextDetector detector;
    private readonly TextRecognizer recognizer;

    public OnnxPlateReader(PlateReaderOptions? options = null)
    {
        this.options = options ?? new PlateReaderOptions();
        var files = PlateModelFiles.In(this.options.ModelDirectory);
        sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = this.options.IntraOpNumThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Every image has its own input shape: a memory pattern planned for one shape is never reused.
            EnableMemoryPattern = false,
        };
        detector = new TextDetector(files.Detector, sessionOptions);
        recognizer = new TextRecognizer(files.Recognizer, files.Keys, sessionOptions);
    }

    public PlateReaderOptions Options => options;

    public Task<PlateRead> ReadAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default) =>
        Task.Run(() => Read(image.Span), cancellationToken);

    /// <summary>Reads synchronously on the calling thread.</summary>
    public PlateRead Read(ReadOnlySpan<byte> image)
    {
        var clock = Stopwatch.StartNew();
        using var bitmap = ImageDecoding.Decode(image, options);
        using var frame = SKImage.FromBitmap(bitmap);
        var best = IsCrop(frame) ? ReadCrop(frame) : ReadScene(frame, DetectorScale(frame));
        return best is null
            ? PlateRead.None(clock.Elapsed)
            : new PlateRead(best.Match.Text, best.Match.Display, Math.Round(best.Confidence, 4), best.Box, best.Match.Format, clock.Elapsed);
    }

    private static bool IsCrop(SKImage frame) =>
        frame.Width <= 720 && frame.Height <= 400 && frame.Width >= frame.Height;

    private Candidate? ReadCrop(SKImage frame)
    {
        var direct = ReadDirect(frame);
        if (direct is { Match.Fits: true } && direct.Confidence >= options.ConfirmThreshold)
        {
            return direct;
        }

        // A small crop is enlarged for the detector, which misses text only a few pixels high.
        var scale = Math.Max(1f, 160f / frame.Height);
        scale = Math.Min(scale, options.DetectorMaxSide / (float)Math.Max(frame.Width, frame.Height) * 2);
        var detected = ReadScene(frame, scale);
        return Better(direct, detected);
    }

    private Candidate? ReadDirect(SKImage frame)
    {
        var layout = CropLayout.Analyse(frame);
        var bitmaps = layout.Lines.Select(l => LineImage.Render(frame, l, TextRecognizer.Height, TextRecognizer.MaxWidth)).ToList();
        try
        {
            var texts = recognizer.Recognize(bitmaps);
            return Score(texts, [.. layout.Lines]);
        }
        finally
        {
            bitmaps.ForEach(b => b.Dispose());
        }
    }

    private float DetectorScale(SKImage frame) =>
        Math.Min(1f, options.DetectorMaxSide / (float)Math.Max(frame.Width, frame.Height));

    private Candidate? ReadScene(SKImage frame, float scale)
    {
        // Plate text is a short line (a long one is a caption or a time stamp) a few pixels high at least; plates are
        // dark print on a light ground, so the lightest lines are read first and the reading stops at a sure plate.
        var lines = detector.Detect(frame, scale)
            .Where(l => l.Thickness >= 8 && l.Length >= l.Thickness && l.Length <= MaxLineAspect * l.Thickness)
            .Select(l => (Line: l, Light: Lightness(frame, l)))
            .OrderByDescending(l => l.Light)
            .Take(MaxLines)
            .Select(l => l.Line)
            .ToList();
        var texts = new RecognizedText[lines.Count];
        Candidate? best = null;
        for (var i = 0; i < lines.Count; i++)
        {
            // One line at a time at its own width: a batch would pad every line to the widest.
            using (var bitmap = LineImage.Render(frame, lines[i], TextRecognizer.Height, TextRecognizer.MaxWidth))
            {
                texts[i] = recognizer.Recognize([bitmap])[0];
            }

            best = Better(best, Score([texts[i]], [lines[i]]));
            for (var j = 0; j < i; j++)
            {
                if (IsLineBelow(lines[j], lines[i]))
                {
                    best = Better(best, Score([texts[j], texts[i]], [lines[j], lines[i]]));
                }
                else if (IsLineBelow(lines[i], lines[j]))
                {
                    best = Better(best, Score([texts[i], texts[j]], [lines[i], lines[j]]));
                }
            }

            if (best is { Match: { Fits: true, SeparatorMisses: 0 } } && best.Confidence >= options.ConfirmThreshold)
            {
                break;
            }
        }

        return best;
    }

    // Mean luminance of the line's bounding box, from a 16×4 sample (enough to tell light ground from dark).
    private static double Lightness(SKImage frame, TextLine line)
    {
        var box = line.Bounds();
        using var sample = new SKBitmap(new SKImageInfo(16, 4, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(sample))
        {
            canvas.DrawImage(frame, new SKRect(box.X, box.Y, box.X + box.Width, box.Y + box.Height), new SKRect(0, 0, 16, 4),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        var pixels = sample.GetPixelSpan();
        double sum = 0;
        for (var p = 0; p < pixels.Length; p += 4)
        {
            sum += (0.299 * pixels[p]) + (0.587 * pixels[p + 1]) + (0.114 * pixels[p + 2]);
        }

        return sum / (pixels.Length / 4);
    }

    // The second line of a two-line plate: under the first, overlapping it horizontally, of a similar height.
    private static bool IsLineBelow(TextLine upper, TextLine lower)
    {
        var gap = lower.CenterY - upper.CenterY;
        var height = Math.Max(upper.Thickness, lower.Thickness);
        return gap > 0.5f * height && gap < 1.6f * height
            && Math.Abs(upper.CenterX - lower.CenterX) < 0.35f * Math.Max(upper.Length, lower.Length)
            && upper.Thickness < 1.6f * lower.Thickness && lower.Thickness < 1.6f * upper.Thickness;
    }

    private static Candidate? Score(IReadOnlyList<RecognizedText> texts, TextLine[] lines)
    {
        var raw = string.Join(' ', texts.Select(t => t.Text.Trim()));
        if (raw.Length == 0)
        {
            return null;
        }

        var match = PlateGrammar.Parse(raw);
        if (match.Text.Length == 0)
        {
            return null;
        }

        var confidence = texts.Sum(t => t.Confidence * t.Text.Count(char.IsLetterOrDigit)) / Math.Max(1, texts.Sum(t => t.Text.Count(char.IsLetterOrDigit)));
        confidence *= Math.Pow(CorrectionPenalty, match.Corrections);
        if (!match.Fits)
        {
            confidence = Math.Min(confidence, UnknownFormatCeiling);
        }

        return new Candidate(match, confidence, Union(lines));
    }

    private static Candidate? Better(Candidate? a, Candidate? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        if (a.Match.Fits != b.Match.Fits)
        {
            return a.Match.Fits ? a : b;
        }

        return b.Rank > a.Rank ? b : a;
    }

    private static PlateBox Union(TextLine[] lines)
    {
        var boxes = lines.Select(l => l.Bounds()).ToArray();
        var left = boxes.Min(b => b.X);
        var top = boxes.Min(b => b.Y);
        return new PlateBox(left, top, boxes.Max(b => b.X + b.Width) - left, boxes.Max(b => b.Y + b.Height) - top);
    }

    public void Dispose()
    {
        detector.Dispose();
        recognizer.Dispose();
        sessionOptions.Dispose();
    }

    private sealed record Candidate(PlateMatch Match, double Confidence, PlateBox Box)
    {
        // Between candidates, a read with the plate's separators where the grammar puts them is stronger evidence:
        // signs and overlays ("SPEED 10", "CAM 03") fit the loose EU grammar only without its dash.
        public double Rank => Confidence - (SeparatorWeight * Match.SeparatorMisses);
    }
}

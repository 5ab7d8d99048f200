using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>
/// The text lines of a plate crop without the detector: the tilt that makes the dark rows sharpest (projection
/// profile over ±8°), and for a tall crop (two-line plates) the emptiest row near the middle as the split.
/// </summary>
internal sealed record CropLayout(IReadOnlyList<TextLine> Lines)
{
    private const int AnalysisHeight = 64;
    private const float TwoLineAspect = 2.2f;

    public static CropLayout Analyse(SKImage frame)
    {
        var scale = Math.Min(1f, AnalysisHeight / (float)frame.Height);
        var width = Math.Max(8, (int)(frame.Width * scale));
        var height = Math.Max(8, (int)(frame.Height * scale));
        using var small = LineImage.Resize(frame, width, height);
        var gray = Gray(small);
        var threshold = Otsu(gray);
        var ink = new List<(int X, int Y)>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (gray[(y * width) + x] < threshold)
                {
                    ink.Add((x, y));
                }
            }
        }

        var angle = Skew(ink, width, height);
        var (cx, cy) = (frame.Width / 2f, frame.Height / 2f);
        if (frame.Width >= TwoLineAspect * frame.Height)
        {
            return new CropLayout([new TextLine(cx, cy, frame.Width, frame.Height, angle, 1)]);
        }

        // Rows of ink in the straightened crop, central columns only (the margins may be dark car body).
        var radians = -angle * MathF.PI / 180;
        var (cos, sin) = (MathF.Cos(radians), MathF.Sin(radians));
        var rows = new int[height];
        foreach (var (x, y) in ink)
        {
            var dx = x - (width / 2f);
            var dy = y - (height / 2f);
            var u = (dx * cos) - (dy * sin);
            var v = (dx * sin) + (dy * cos) + (height / 2f);
            if (Math.Abs(u) < width * 0.3f && v >= 0 && v < height)
            {
                rows[(int)v]++;
            }
        }

        var split = height / 2;
        for (var r = (int)(height * 0.35f); r <= (int)(height * 0.65f); r++)
        {
            if (rows[r] < rows[split])
            {
                split = r;
            }
        }

        var splitY = split / scale;
        var upper = splitY;
        var lower = frame.Height - splitY;
        // Both halves rotate about the crop's centre, so their centres move along the tilted vertical axis.
        var (ux, uy) = Rotate(0, (upper / 2) - cy, angle);
        var (lx, ly) = Rotate(0, splitY + (lower / 2) - cy, angle);
        return new CropLayout(
        [
            new TextLine(cx + ux, cy + uy, frame.Width, upper, angle, 1),
            new TextLine(cx + lx, cy + ly, frame.Width, lower, angle, 1),
        ]);
    }

    private static (float X, float Y) Rotate(float x, float y, float degrees)
    {
        var radians = degrees * MathF.PI / 180;
        return ((x * MathF.Cos(radians)) - (y * MathF.Sin(radians)), (x * MathF.Sin(radians)) + (y * MathF.Cos(radians)));
    }

    private static float Skew(List<(int X, int Y)> ink, int width, int height)
    {
        if (ink.Count < 16)
        {
            return 0;
        }

        var best = 0f;
        var bestScore = double.MinValue;
        var bins = new int[(height * 3) + 8];
        for (var tenth = -80; tenth <= 80; tenth += 5)
        {
            var radians = tenth / 10f * MathF.PI / 180;
            var (cos, sin) = (MathF.Cos(radians), MathF.Sin(radians));
            Array.Clear(bins);
            foreach (var (x, y) in ink)
            {
                // The row a pixel falls in once the crop is turned back by this angle.
                var v = (-(x - (width / 2f)) * sin) + ((y - (height / 2f)) * cos) + (bins.Length / 2f);
                var bin = (int)v;
                if (bin >= 0 && bin < bins.Length)
                {
                    bins[bin]++;
                }
            }

            double score = 0;
            foreach (var count in bins)
            {
                score += (double)count * count;
            }

            // Ties go to the smaller tilt.
            if (score > bestScore * 1.0001 || (score >= bestScore && Math.Abs(tenth) < Math.Abs(best * 10)))
            {
                (best, bestScore) = (tenth / 10f, score);
            }
        }

        return best;
    }

    private static byte[] Gray(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var gray = new byte[bitmap.Width * bitmap.Height];
        for (var i = 0; i < gray.Length; i++)
        {
            var p = i * 4;
            gray[i] = (byte)(((pixels[p] * 77) + (pixels[p + 1] * 150) + (pixels[p + 2] * 29)) >> 8);
        }

        return gray;
    }

    private static int Otsu(byte[] gray)
    {
        var histogram = new int[256];
        foreach (var g in gray)
        {
            histogram[g]++;
        }

        double total = gray.Length, sum = 0;
        for (var i = 0; i < 256; i++)
        {
            sum += i * histogram[i];
        }

        double sumBelow = 0, weightBelow = 0, bestVariance = -1;
        var threshold = 128;
        for (var t = 0; t < 256; t++)
        {
            weightBelow += histogram[t];
            if (weightBelow == 0 || weightBelow == total)
            {
                continue;
            }

            sumBelow += t * histogram[t];
            var meanBelow = sumBelow / weightBelow;
            var meanAbove = (sum - sumBelow) / (total - weightBelow);
            var variance = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance)
            {
                (bestVariance, threshold) = (variance, t + 1);
            }
        }

        return threshold;
    }
}

using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>
/// PP-OCRv4 text detector (DB): input <c>x [1,3,H,W]</c> with H and W multiples of 32 (BGR, ImageNet mean and
/// deviation), output a text probability map <c>[1,1,H,W]</c>. Each connected region above 0.3 whose mean probability
/// is at least 0.6 becomes a line: its orientation from the region's second moments (so a tilted plate is
/// straightened before it is read), its extent grown back by the margin DB training shrinks text regions by.
/// </summary>
internal sealed class TextDetector : IDisposable
{
    private const float PixelThreshold = 0.3f;
    private const float BoxThreshold = 0.6f;
    private const float UnclipRatio = 1.6f;
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    private readonly InferenceSession session;
    private readonly string inputName;

    public TextDetector(string modelPath, SessionOptions options)
    {
        session = new InferenceSession(modelPath, options);
        inputName = session.InputMetadata.Keys.First();
    }

    /// <summary>Text lines in <paramref name="frame"/>, scaled by <paramref name="scale"/> for the detector, in frame pixels.</summary>
    public List<TextLine> Detect(SKImage frame, float scale)
    {
        var width = Math.Max(32, (int)MathF.Round(frame.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)MathF.Round(frame.Height * scale / 32) * 32);
        using var scaled = LineImage.Resize(frame, width, height);
        var tensor = new DenseTensor<float>([1, 3, height, width]);
        var buffer = tensor.Buffer.Span;
        var pixels = scaled.GetPixelSpan();
        var plane = width * height;
        for (var i = 0; i < plane; i++)
        {
            var p = i * 4;
            buffer[i] = ((pixels[p + 2] / 255f) - Mean[0]) / Deviation[0];
            buffer[i + plane] = ((pixels[p + 1] / 255f) - Mean[1]) / Deviation[1];
            buffer[i + (2 * plane)] = ((pixels[p] / 255f) - Mean[2]) / Deviation[2];
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var map = results[0].AsTensor<float>().ToArray();
        return Lines(map, width, height, frame.Width / (float)width, frame.Height / (float)height);
    }

    private static List<TextLine> Lines(float[] map, int width, int height, float toFrameX, float toFrameY)
    {
        var lines = new List<TextLine>();
        var seen = new bool[map.Length];
        var stack = new Stack<int>();
        var region = new List<int>();
        for (var start = 0; start < map.Length; start++)
        {
            if (seen[start] || map[start] <= PixelThreshold)
            {
                continue;
            }

            region.Clear();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                region.Add(i);
                var (x, y) = (i % width, i / width);
                if (x > 0) { Visit(i - 1); }
                if (x < width - 1) { Visit(i + 1); }
                if (y > 0) { Visit(i - width); }
                if (y < height - 1) { Visit(i + width); }
            }

            if (region.Count >= 6 && Line(region, map, width, toFrameX, toFrameY) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;

        void Visit(int i)
        {
            if (!seen[i] && map[i] > PixelThreshold)
            {
                seen[i] = true;
                stack.Push(i);
            }
        }
    }

    private static TextLine? Line(List<int> region, float[] map, int width, float toFrameX, float toFrameY)
    {
        // In frame pixels from here on, so the angle is the frame's, not the detector's stretched one.
        double sumX = 0, sumY = 0, score = 0;
        foreach (var i in region)
        {
            sumX += ((i % width) + 0.5) * toFrameX;
            sumY += ((i / width) + 0.5) * toFrameY;
            score += map[i];
        }

        score /= region.Count;
        if (score < BoxThreshold)
        {
            return null;
        }

        var (meanX, meanY) = (sumX / region.Count, sumY / region.Count);
        double xx = 0, yy = 0, xy = 0;
        foreach (var i in region)
        {
            var dx = (((i % width) + 0.5) * toFrameX) - meanX;
            var dy = (((i / width) + 0.5) * toFrameY) - meanY;
            xx += dx * dx;
            yy += dy * dy;
            xy += dx * dy;
        }

        var angle = 0.5 * Math.Atan2(2 * xy, xx - yy);
        // Text lines run roughly horizontally; a short or steep region's moments say nothing reliable about its tilt.
        if (Math.Abs(angle) > Math.PI / 12 || xx < 2.25 * yy)
        {
            angle = 0;
        }

        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
        foreach (var i in region)
        {
            var dx = (((i % width) + 0.5) * toFrameX) - meanX;
            var dy = (((i / width) + 0.5) * toFrameY) - meanY;
            var u = (dx * cos) + (dy * sin);
            var v = (-dx * sin) + (dy * cos);
            (minU, maxU) = (Math.Min(minU, u), Math.Max(maxU, u));
            (minV, maxV) = (Math.Min(minV, v), Math.Max(maxV, v));
        }

        var length = maxU - minU + toFrameX;
        var thickness = maxV - minV + toFrameY;
        var grow = length * thickness * UnclipRatio / (2 * (length + thickness));
        var centerU = (minU + maxU) / 2;
        var centerV = (minV + maxV) / 2;
        return new TextLine(
            (float)(meanX + (centerU * cos) - (centerV * sin)),
            (float)(meanY + (centerU * sin) + (centerV * cos)),
            (float)(length + (2 * grow)),
            (float)(thickness + (2 * grow)),
            (float)(angle * 180 / Math.PI),
            (float)score);
    }

    public void Dispose() => session.Dispose();
}

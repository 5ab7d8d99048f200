using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace ParkingGrains.PlateRecognition;

/// <summary>
/// PP-OCRv4 recogniser: input <c>x [N,3,48,W]</c> (BGR, scaled to −1…1), output <c>[N,T,6625]</c> probabilities, CTC over
/// blank + the 6,623 keys of <c>ppocr_keys_v1.txt</c> + space. Plates hold only letters, digits and separators, so
/// each step chooses among those classes alone (upper and lower case summed, Chinese look-alikes of '-' and '.'
/// counted as them); a step where the model saw something else keeps a low probability rather than a confident guess.
/// </summary>
internal sealed class TextRecognizer : IDisposable
{
    public const int Height = 48;
    public const int MaxWidth = 480;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. ";

    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly int[] groupOfClass;

    public TextRecognizer(string modelPath, string keysPath, SessionOptions options)
    {
        session = new InferenceSession(modelPath, options);
        inputName = session.InputMetadata.Keys.First();
        var keys = File.ReadAllLines(keysPath);
        // Class 0 is the CTC blank, 1…n the keys, n+1 the space.
        groupOfClass = new int[keys.Length + 2];
        groupOfClass[0] = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            groupOfClass[i + 1] = GroupOf(keys[i]);
        }

        groupOfClass[keys.Length + 1] = Alphabet.IndexOf(' ', StringComparison.Ordinal) + 1;
    }

    public IReadOnlyList<RecognizedText> Recognize(IReadOnlyList<SKBitmap> lines)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var width = lines.Max(l => l.Width);
        var tensor = new DenseTensor<float>([lines.Count, 3, Height, width]);
        var plane = Height * width;
        var buffer = tensor.Buffer.Span;
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            var pixels = line.GetPixelSpan();
            var offset = n * 3 * plane;
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < line.Width; x++)
                {
                    var p = ((y * line.Width) + x) * 4;
                    var at = offset + (y * width) + x;
                    // BGR, as PaddleOCR trained it (OpenCV order); padding beyond the line stays 0 (mid grey).
                    buffer[at] = (pixels[p + 2] / 127.5f) - 1;
                    buffer[at + plane] = (pixels[p + 1] / 127.5f) - 1;
                    buffer[at + (2 * plane)] = (pixels[p] / 127.5f) - 1;
                }
            }
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var output = results[0].AsTensor<float>();
        var steps = output.Dimensions[1];
        var classes = output.Dimensions[2];
        var probabilities = output is DenseTensor<float> dense ? dense.Buffer : output.ToArray();
        var texts = new RecognizedText[lines.Count];
        for (var n = 0; n < lines.Count; n++)
        {
            // Steps beyond this line's own width saw only padding.
            var ownSteps = Math.Min(steps, (int)Math.Ceiling(steps * (double)lines[n].Width / width) + 1);
            texts[n] = Decode(probabilities.Span.Slice(n * steps * classes, steps * classes), ownSteps, classes);
        }

        return texts;
    }

    private RecognizedText Decode(ReadOnlySpan<float> probabilities, int steps, int classes)
    {
        Span<float> groups = stackalloc float[Alphabet.Length + 1];
        var text = new System.Text.StringBuilder();
        var kept = new List<float>();
        var previous = 0;
        for (var t = 0; t < steps; t++)
        {
            groups.Clear();
            var row = probabilities.Slice(t * classes, classes);
            for (var c = 0; c < row.Length && c < groupOfClass.Length; c++)
            {
                var g = groupOfClass[c];
                if (g >= 0)
                {
                    groups[g] += row[c];
                }
            }

            var best = 0;
            for (var g = 1; g < groups.Length; g++)
            {
                if (groups[g] > groups[best])
                {
                    best = g;
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(Alphabet[best - 1]);
                kept.Add(Math.Min(1, groups[best]));
            }
            else if (best != 0 && best == previous && kept.Count > 0)
            {
                // The same character over several steps: its probability is the best step's.
                kept[^1] = Math.Max(kept[^1], Math.Min(1, groups[best]));
            }

            previous = best;
        }

        return new RecognizedText(text.ToString(), [.. kept]);
    }

    private static int GroupOf(string key)
    {
        if (key.Length != 1)
        {
            return -1;
        }

        var c = char.ToUpperInvariant(key[0]) switch
        {
            '–' or '—' or '_' or '一' or '－' => '-',
            '·' or '。' or '．' or ',' => '.',
            var other => other,
        };
        var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
        return index < 0 ? -1 : index + 1;
    }

    public void Dispose() => session.Dispose();
}

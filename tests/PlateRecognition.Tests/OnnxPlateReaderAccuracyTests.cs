using ParkingGrains.PlateFixtures;
using Xunit.Abstractions;

namespace ParkingGrains.PlateRecognition.Tests;

/// <summary>The targets on the generated set: ≥ 97% exact whole-plate reads on crops, ≥ 92% on scenes.</summary>
[Collection(PlateReaderCollection.Name)]
public sealed class OnnxPlateReaderAccuracyTests(PlateReaderFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Crops_AreReadExactly_AtLeast97Percent()
    {
        var accuracy = await MeasureAsync(fixture.Set.Crops);

        Assert.True(accuracy >= 0.97, $"crop accuracy {accuracy:P1} (target ≥ 97%)");
    }

    [Fact]
    public async Task Scenes_AreReadExactly_AtLeast92Percent()
    {
        var accuracy = await MeasureAsync(fixture.Set.Scenes);

        Assert.True(accuracy >= 0.92, $"scene accuracy {accuracy:P1} (target ≥ 92%)");
    }

    [Fact]
    public async Task SceneRead_BoxesThePlate_InsideTheFrame()
    {
        var scene = fixture.Set.Scenes.First(s => s.Variant == "scene-clean");

        var read = await fixture.Reader.ReadAsync(await File.ReadAllBytesAsync(scene.Path));

        Assert.Equal(scene.Expected, read.Text);
        Assert.InRange(read.Box.Width, 60, 400);
        Assert.InRange(read.Box.Height, 10, 200);
        Assert.True(read.Box.X >= 0 && read.Box.Y >= 0 && read.Box.X + read.Box.Width <= 1024 && read.Box.Y + read.Box.Height <= 600, $"{read.Box}");
    }

    [Fact]
    public async Task ImageWithoutText_GivesAnEmptyRead()
    {
        using var bitmap = new SkiaSharp.SKBitmap(320, 240);
        bitmap.Erase(new SkiaSharp.SKColor(90, 120, 160));
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);

        var read = await fixture.Reader.ReadAsync(png.ToArray());

        Assert.True(read.IsEmpty, read.Text);
        Assert.Equal(0, read.Confidence);
    }

    private async Task<double> MeasureAsync(IEnumerable<PlateFixture> fixtures)
    {
        var list = fixtures.ToList();
        Assert.NotEmpty(list);
        var failures = new List<string>();
        var byVariant = new Dictionary<string, (int Exact, int Total)>();
        foreach (var image in list)
        {
            var read = await fixture.Reader.ReadAsync(await File.ReadAllBytesAsync(image.Path));
            var exact = read.Text == image.Expected;
            var (e, t) = byVariant.GetValueOrDefault(image.Variant);
            byVariant[image.Variant] = (e + (exact ? 1 : 0), t + 1);
            if (!exact)
            {
                failures.Add($"{Path.GetFileName(image.Path)} ({image.Variant}): expected {image.Expected}, read '{read.Text}' {read.Confidence:0.00}");
            }
        }

        foreach (var (variant, (exact, total)) in byVariant.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{variant,-28} {exact,3}/{total,-3}");
        }

        failures.ForEach(output.WriteLine);
        return (list.Count - failures.Count) / (double)list.Count;
    }
}

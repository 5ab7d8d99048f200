namespace ParkingGrains.PlateRecognition.Tests;

/// <summary>One reader serves several lanes at once: concurrent reads give the same plates as sequential ones.</summary>
[Collection(PlateReaderCollection.Name)]
public sealed class ConcurrentReadTests(PlateReaderFixture fixture)
{
    [Fact]
    public async Task ConcurrentReads_GiveTheSameResults()
    {
        var crops = fixture.Set.Crops.Where(c => c.Variant == "clean").Take(8).ToList();
        var images = await Task.WhenAll(crops.Select(c => File.ReadAllBytesAsync(c.Path)));

        var reads = await Task.WhenAll(images.Select(i => fixture.Reader.ReadAsync(i)));

        Assert.Equal(crops.Select(c => c.Expected), reads.Select(r => r.Text));
    }
}

using System.Globalization;
using ParkingGrains.GateAgent.Plates;

namespace ParkingGrains.PlateRecognition.Tests;

/// <summary><c>GateAgent read-plate FILE...</c>: one tab-separated line per file, exit code 0 whatever the files held.</summary>
[Collection(PlateReaderCollection.Name)]
public sealed class ReadPlateCommandTests(PlateReaderFixture fixture)
{
    [Fact]
    public async Task MixedList_GivesOneLinePerFile_AndExitCodeZero()
    {
        var crop = fixture.Set.Crops.First(c => c.Variant == "clean");
        var scene = fixture.Set.Scenes.First(c => c.Variant == "scene-clean");
        var unreadable = Path.Combine(fixture.Set.Directory, "error-");
        string[] files =
        [
            crop.Path, scene.Path, unreadable + "empty.png", unreadable + "corrupt.png", unreadable + "huge-bytes.jpg",
            unreadable + "huge-pixels.png", Path.Combine(fixture.Set.Directory, "missing.png"),
        ];
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await ReadPlateCommand.RunAsync(files, output, error);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(files, lines.Select(l => l[0]));
        Assert.Equal([crop.Expected, scene.Expected], lines.Take(2).Select(l => l[1]));
        foreach (var line in lines.Take(2))
        {
            Assert.Equal(4, line.Length);
            Assert.Matches(@"^(0|1)\.\d\d$", line[2]);
            Assert.InRange(double.Parse(line[2], CultureInfo.InvariantCulture), 0.8, 1);
            Assert.True(int.Parse(line[3], CultureInfo.InvariantCulture) >= 0);
        }

        foreach (var line in lines.Skip(2))
        {
            Assert.Equal(5, line.Length);
            Assert.Equal((string.Empty, "0.00"), (line[1], line[2]));
            Assert.StartsWith("error: ", line[4], StringComparison.Ordinal);
        }

        Assert.Equal("error: file not found", lines[^1][4]);
    }

    [Fact]
    public async Task Confidence_IsWrittenInInvariantCulture()
    {
        var crop = fixture.Set.Crops.First(c => c.Variant == "blur");
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var output = new StringWriter();

            await ReadPlateCommand.RunAsync([crop.Path], output, new StringWriter());

            Assert.Matches(@"\t(0|1)\.\d\d\t\d+\r?\n$", output.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task NoFiles_IsAUsageError()
    {
        var error = new StringWriter();

        Assert.Equal(2, await ReadPlateCommand.RunAsync([], new StringWriter(), error));
        Assert.Contains("usage: read-plate", error.ToString(), StringComparison.Ordinal);
    }
}

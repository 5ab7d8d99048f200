using ParkingGrains.PlateFixtures;

namespace ParkingGrains.PlateRecognition.Tests;

/// <summary>
/// One reader (its two ONNX sessions load in about a second) and the generated fixture set for every test that
/// reads images. Rendering the set needs ImageMagick: without it the tests fail, they are not skipped.
/// </summary>
public sealed class PlateReaderFixture : IDisposable
{
    public const int CropCount = 150;
    public const int SceneCount = 60;

    public PlateReaderFixture()
    {
        Set = PlateFixtureSet.Get(CropCount, SceneCount);
        Reader = new OnnxPlateReader();
    }

    public PlateFixtureSet Set { get; }

    public OnnxPlateReader Reader { get; }

    public void Dispose() => Reader.Dispose();
}

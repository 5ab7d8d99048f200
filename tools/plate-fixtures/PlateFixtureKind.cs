namespace ParkingGrains.PlateFixtures;

/// <summary>Whether an image is a plate crop, a camera frame with one plate, or a file that is no usable image.</summary>
public enum PlateFixtureKind
{
    Crop,
    Scene,
    Error,
}

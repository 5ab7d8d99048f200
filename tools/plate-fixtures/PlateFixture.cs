namespace ParkingGrains.PlateFixtures;

/// <summary>One generated image and the plate it shows (upper case, no separators; empty for error files).</summary>
public sealed record PlateFixture(string Path, string Expected, string Variant, string Format, PlateFixtureKind Kind);

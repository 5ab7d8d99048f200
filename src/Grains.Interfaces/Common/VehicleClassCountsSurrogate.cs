using Orleans;

namespace ParkingGrains.Grains.Interfaces;

/// <summary>
/// The wire form of <see cref="VehicleClassCounts"/>: one count per class, indexed by <see cref="VehicleClass"/> value.
/// A plain array rather than the class's own field so the reading side rebuilds it through
/// <see cref="VehicleClassCounts.From"/>, which fits any length to the classes it knows (a silo of an older or newer
/// version may know fewer or more classes).
/// </summary>
[GenerateSerializer]
internal struct VehicleClassCountsSurrogate
{
    [Id(0)]
    public int[]? Counts;
}

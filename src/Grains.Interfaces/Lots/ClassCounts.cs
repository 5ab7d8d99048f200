using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record ClassCounts(
    [property: Id(0)] int Total,
    [property: Id(1)] int Free,
    [property: Id(2)] int Occupied,
    [property: Id(3)] int Held,
    [property: Id(4)] int OutOfService);

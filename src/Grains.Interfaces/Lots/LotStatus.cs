using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record LotStatus(
    [property: Id(0)] string LotId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Configured,
    [property: Id(3)] IReadOnlyDictionary<VehicleClass, ClassCounts> Classes,
    [property: Id(4)] int ActiveSessions,
    [property: Id(5)] long Version);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Where the driver should go: the slot, its floor and a short direction text for the gate display.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SlotAssignment(
    [property: Id(0)] string SlotId,
    [property: Id(1)] string FloorId,
    [property: Id(2)] string FloorName,
    [property: Id(3)] string Number,
    [property: Id(4)] VehicleClass Size,
    [property: Id(5)] string Directions);

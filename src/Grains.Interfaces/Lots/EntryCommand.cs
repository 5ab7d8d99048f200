using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A vehicle at an entry lane. <see cref="EventId"/> makes it idempotent: a repeat returns the first decision.</summary>
[GenerateSerializer]
[Immutable]
public sealed record EntryCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string GateId,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] DateTimeOffset Time);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// Reserve a specific slot, or any slot of a class, for a window ahead. The holder claims it by plate or card at entry.
/// Without a slot, plain bays are chosen first; an accessible or EV bay only when <see cref="Accessible"/> or
/// <see cref="Ev"/> asks for one (then only such bays), or when no plain one is free.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ReservationCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string HolderId,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] string? SlotId,
    [property: Id(6)] DateTimeOffset From,
    [property: Id(7)] DateTimeOffset To,
    [property: Id(8)] DateTimeOffset Time,
    [property: Id(9)] bool Accessible = false,
    [property: Id(10)] bool Ev = false);

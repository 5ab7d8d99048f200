using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record ActiveSession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Ticket,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] string SlotId,
    [property: Id(6)] string EntryGateId,
    [property: Id(7)] DateTimeOffset EntryTime,
    [property: Id(8)] Money AmountPaid,
    [property: Id(9)] bool Subscriber,
    [property: Id(10)] bool Flagged,
    [property: Id(11)] string? ReservationId);

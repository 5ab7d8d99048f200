using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>A vehicle inside, as an exit lane needs it to charge offline: who, since when, what class, what was paid.</summary>
[GenerateSerializer]
[Immutable]
public sealed record LaneStay(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Ticket,
    [property: Id(2)] string? Plate,
    [property: Id(3)] string? CardId,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] DateTimeOffset EntryTime,
    [property: Id(6)] decimal AmountPaid,
    [property: Id(7)] bool Subscriber,
    [property: Id(8)] DateTimeOffset? FreeExitUntil);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A stay began: the vehicle passed the entry gate and holds <see cref="SlotId"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionStarted(
    [property: Id(0)] string LotId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string Ticket,
    [property: Id(3)] string? Plate,
    [property: Id(4)] VehicleClass VehicleClass,
    [property: Id(5)] string SlotId,
    [property: Id(6)] string GateId,
    [property: Id(7)] bool Flagged,
    [property: Id(8)] DateTimeOffset At);

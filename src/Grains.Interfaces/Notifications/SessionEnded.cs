using Orleans;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A stay ended at an exit gate (<see cref="GateId"/>) or by an operator's force-exit (<see cref="Forced"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed record SessionEnded(
    [property: Id(0)] string LotId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string SlotId,
    [property: Id(3)] string? GateId,
    [property: Id(4)] bool Forced,
    [property: Id(5)] DateTimeOffset At);

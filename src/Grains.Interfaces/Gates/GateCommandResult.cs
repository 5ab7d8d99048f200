using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

[GenerateSerializer]
[Immutable]
public sealed record GateCommandResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] string? ReasonText,
    [property: Id(3)] BarrierState Barrier,
    [property: Id(4)] DateTimeOffset? OpenUntil);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>The agent's word that it applied an operator command, and the barrier state it reached.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateCommandAck(
    [property: Id(0)] string EventId,
    [property: Id(1)] BarrierState Barrier,
    [property: Id(2)] DateTimeOffset At);

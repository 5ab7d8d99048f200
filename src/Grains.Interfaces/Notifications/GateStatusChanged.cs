using Orleans;
using ParkingGrains.Grains.Interfaces.Gates;

namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A gate's liveness, edge round-trip time and barrier, pushed on heartbeats and barrier commands.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateStatusChanged(
    [property: Id(0)] string LotId,
    [property: Id(1)] string GateId,
    [property: Id(2)] bool Online,
    [property: Id(3)] double? RoundTripMilliseconds,
    [property: Id(4)] BarrierState Barrier,
    [property: Id(5)] DateTimeOffset At);

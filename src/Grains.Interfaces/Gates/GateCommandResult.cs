using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// The outcome of a barrier command. <see cref="GateOffline"/>: refused because the gate's agent has not been heard from
/// (no heartbeat within 30 s), so nothing would move the barrier; nothing was recorded (a web API answers 409).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GateCommandResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] string? ReasonText,
    [property: Id(3)] BarrierState Barrier,
    [property: Id(4)] DateTimeOffset? OpenUntil,
    [property: Id(5)] bool GateOffline = false);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// The edge agent's periodic sign of life: its measured round-trip time, the barrier as the lane sees it, how many
/// offline events wait in its outbox, (optionally) its observer for operator commands, and where its lane UI is
/// (an absolute http(s) URL the operator dashboard links to).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GateHeartbeat(
    [property: Id(0)] string AgentId,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] double RoundTripMilliseconds,
    [property: Id(3)] BarrierState? Barrier = null,
    [property: Id(4)] int OutboxLength = 0,
    [property: Id(5)] IGateAgentObserver? Observer = null,
    [property: Id(6)] string? LaneUiUrl = null);

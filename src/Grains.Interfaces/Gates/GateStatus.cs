using Orleans;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>
/// A gate as the operator sees it. <see cref="Barrier"/> is what was last decided for it; <see cref="AgentBarrier"/> what
/// the lane last reported; <see cref="PendingCommandId"/> an operator command the agent has not acknowledged yet;
/// <see cref="LaneUiUrl"/> the lane UI its agent last announced (kept in memory, like the RTT).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GateStatus(
    [property: Id(0)] string GateId,
    [property: Id(1)] string? LotId,
    [property: Id(2)] GateDirection? Direction,
    [property: Id(3)] int Lane,
    [property: Id(4)] bool Online,
    [property: Id(5)] DateTimeOffset? LastSeen,
    [property: Id(6)] double? RoundTripMilliseconds,
    [property: Id(7)] BarrierState Barrier,
    [property: Id(8)] DateTimeOffset? OpenUntil,
    [property: Id(9)] IReadOnlyList<GateEventSummary> RecentEvents,
    [property: Id(10)] string? PendingCommandId = null,
    [property: Id(11)] BarrierState? AgentBarrier = null,
    [property: Id(12)] int OutboxLength = 0,
    [property: Id(13)] string? LaneUiUrl = null);

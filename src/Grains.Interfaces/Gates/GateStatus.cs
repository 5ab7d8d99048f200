using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Gates;

public sealed record GateStatus(
    string GateId,
    string? LotId,
    GateDirection? Direction,
    int Lane,
    bool Online,
    DateTimeOffset? LastSeen,
    double? RoundTripMilliseconds,
    BarrierState Barrier,
    DateTimeOffset? OpenUntil,
    IReadOnlyList<GateEventSummary> RecentEvents);

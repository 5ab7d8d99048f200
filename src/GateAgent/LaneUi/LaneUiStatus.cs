namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>The lane at a glance for the page: identity, the cluster link, the offline cache, the barrier and the display.</summary>
public sealed record LaneUiStatus(
    string GateId,
    string? LotId,
    string? LotName,
    string? Direction,
    bool Connected,
    double? RoundTripMilliseconds,
    int OutboxLength,
    double? CacheAgeSeconds,
    DateTimeOffset? LastHeartbeat,
    string Barrier,
    bool VehiclePresent,
    string DisplayLine1,
    string DisplayLine2);

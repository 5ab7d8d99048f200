namespace ParkingGrains.GateAgent.Lane;

/// <summary>The lane at a glance, for the lane UI and the logs.</summary>
public sealed record LaneStatus(
    string GateId,
    string? LotId,
    bool Connected,
    double? RoundTripMilliseconds,
    int OutboxLength,
    DateTimeOffset? CacheTakenAt,
    DateTimeOffset? LastHeartbeat);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>The edge agent's periodic sign of life with its measured round-trip time.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateHeartbeat(
    [property: Id(0)] string AgentId,
    [property: Id(1)] DateTimeOffset SentAt,
    [property: Id(2)] double RoundTripMilliseconds);

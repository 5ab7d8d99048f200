using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>One recent event at a gate, for the operator's gate panel.</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateEventSummary(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Kind,
    [property: Id(2)] bool Opened,
    [property: Id(3)] string? Plate,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset Time);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Emergency: close a stay and free its slot without payment, recorded with operator and reason.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ForceExitCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string Operator,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset Time);

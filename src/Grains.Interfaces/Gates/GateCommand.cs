using Orleans;

namespace ParkingGrains.Grains.Interfaces.Gates;

/// <summary>An operator's barrier command; Open takes a duration (default 10 s).</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] GateCommandKind Kind,
    [property: Id(2)] TimeSpan? Duration,
    [property: Id(3)] string Operator,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTimeOffset Time);

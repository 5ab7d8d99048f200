using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>A barrier gate of a lot; <paramref name="Lane"/> identifies the physical lane (0 or more).</summary>
[GenerateSerializer]
[Immutable]
public sealed record GateDefinition(
    [property: Id(0)] string GateId,
    [property: Id(1)] string Name,
    [property: Id(2)] GateDirection Direction,
    [property: Id(3)] int Lane);

using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>A floor of a lot; <paramref name="Level"/> is 0 at street level, negative below.</summary>
[GenerateSerializer]
[Immutable]
public sealed record FloorDefinition(
    [property: Id(0)] string FloorId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Level);

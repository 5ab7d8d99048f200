using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The outcome of removing a lot's configuration; <paramref name="Revision"/> is the revision after the call.</summary>
[GenerateSerializer]
[Immutable]
public sealed record RemoveLotResult(
    [property: Id(0)] bool Removed,
    [property: Id(1)] LotConflict Conflict,
    [property: Id(2)] string? ConflictText,
    [property: Id(3)] long Revision);

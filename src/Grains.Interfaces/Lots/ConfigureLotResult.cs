using Orleans;
using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// A layout is applied whole or not at all; every problem is listed. <paramref name="Revision"/> is the lot's
/// configuration revision after the call (the new one when applied, the current one when refused).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record ConfigureLotResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] IReadOnlyList<LayoutProblem> Problems,
    [property: Id(2)] long Revision = 0,
    [property: Id(3)] LotConflict Conflict = LotConflict.None,
    [property: Id(4)] string? ConflictText = null);

using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>
/// A layout is applied whole or not at all; every problem is listed. <paramref name="Revision"/> is the lot's
/// configuration revision after the call (the new one when applied, the current one when refused).
/// </summary>
public sealed record ConfigureLotResult(
    bool Applied,
    IReadOnlyList<LayoutProblem> Problems,
    long Revision = 0,
    LotConflict Conflict = LotConflict.None,
    string? ConflictText = null);

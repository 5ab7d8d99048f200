using ParkingGrains.Grains.Interfaces.Layout;

namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A layout is applied whole or not at all; every problem is listed.</summary>
public sealed record ConfigureLotResult(bool Applied, IReadOnlyList<LayoutProblem> Problems);

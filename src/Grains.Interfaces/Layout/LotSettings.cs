using Orleans;

namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>Per-lot behaviour switches.</summary>
/// <param name="AllocationStrategy">How free slots are chosen.</param>
/// <param name="OverflowRules">Tried in order, only when the exact class has no suitable free slot.</param>
/// <param name="PlateAlreadyInside">Entry policy for a plate that already has an open session.</param>
[GenerateSerializer]
[Immutable]
public sealed record LotSettings(
    [property: Id(0)] AllocationStrategy AllocationStrategy,
    [property: Id(1)] IReadOnlyList<OverflowRule> OverflowRules,
    [property: Id(2)] PlateInsidePolicy PlateAlreadyInside)
{
    /// <summary>Best fit, nearest slot, no overflow, deny a plate that is already inside.</summary>
    public static LotSettings Default { get; } = new(AllocationStrategy.BestFitNearest, [], PlateInsidePolicy.Deny);
}

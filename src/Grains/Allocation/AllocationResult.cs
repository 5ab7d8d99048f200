using ParkingGrains.Grains.Interfaces;

namespace ParkingGrains.Grains.Allocation;

/// <summary>The outcome of <see cref="SlotAllocationIndex.TryAllocate"/>: a slot, or the reason there is none.</summary>
/// <param name="SlotId">The slot now taken; null on failure.</param>
/// <param name="SlotSize">The slot's class, which differs from the vehicle's when an overflow rule was used.</param>
/// <param name="Failure">Set exactly when <paramref name="SlotId"/> is null.</param>
public readonly record struct AllocationResult(string? SlotId, VehicleClass? SlotSize, AllocationFailure? Failure)
{
    public bool Success => SlotId is not null;

    public static AllocationResult Allocated(string slotId, VehicleClass size) => new(slotId, size, null);

    public static AllocationResult Failed(AllocationFailure failure) => new(null, null, failure);
}

using ParkingGrains.Grains.Interfaces.Lots;

namespace ParkingGrains.Grains.Lots;

/// <summary>The live part of a slot: who is in it, an operator's override, a reservation hold.</summary>
public sealed class SlotRecord
{
    public string? SessionId { get; set; }

    public SlotOverride Override { get; set; }

    public string? OverrideReason { get; set; }

    public string? HeldFor { get; set; }

    /// <summary>A slot may be given to an arriving vehicle only when nothing claims it.</summary>
    public bool IsAllocatable => SessionId is null && HeldFor is null && Override is SlotOverride.Automatic or SlotOverride.Free;

    public SlotStatus Status => Override == SlotOverride.OutOfService
        ? SlotStatus.OutOfService
        : SessionId is not null || Override == SlotOverride.Occupied
            ? SlotStatus.Occupied
            : HeldFor is not null ? SlotStatus.Held : SlotStatus.Free;
}

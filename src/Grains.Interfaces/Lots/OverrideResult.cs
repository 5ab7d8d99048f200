using Orleans;

namespace ParkingGrains.Grains.Interfaces.Lots;

[GenerateSerializer]
[Immutable]
public sealed record OverrideResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] bool Applied,
    [property: Id(2)] DenialReason? Reason,
    [property: Id(3)] string? ReasonText,
    [property: Id(4)] SlotView? Slot);

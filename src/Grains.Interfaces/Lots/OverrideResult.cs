namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record OverrideResult(string EventId, bool Applied, DenialReason? Reason, string? ReasonText, SlotView? Slot);

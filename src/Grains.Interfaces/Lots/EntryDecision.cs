namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>The answer to an entry: open or not (with a reason code), the session/ticket, the slot, and free counts.</summary>
public sealed record EntryDecision(
    string EventId,
    bool Allowed,
    DenialReason? Reason,
    string? ReasonText,
    string? SessionId,
    string? Ticket,
    SlotAssignment? Slot,
    bool Flagged,
    IReadOnlyDictionary<VehicleClass, int> FreeCounts);

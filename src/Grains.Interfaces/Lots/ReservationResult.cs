namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record ReservationResult(
    string EventId,
    bool Accepted,
    DenialReason? Reason,
    string? ReasonText,
    string? ReservationId,
    string? SlotId,
    ReservationStatus? Status);

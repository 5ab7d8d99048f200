namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record ActiveSession(
    string SessionId,
    string Ticket,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    string SlotId,
    string EntryGateId,
    DateTimeOffset EntryTime,
    Money AmountPaid,
    bool Subscriber,
    bool Flagged,
    string? ReservationId);

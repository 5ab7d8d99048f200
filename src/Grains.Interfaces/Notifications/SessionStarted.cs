namespace ParkingGrains.Grains.Interfaces.Notifications;

/// <summary>A stay began: the vehicle passed the entry gate and holds <see cref="SlotId"/>.</summary>
public sealed record SessionStarted(
    string LotId,
    string SessionId,
    string Ticket,
    string? Plate,
    VehicleClass VehicleClass,
    string SlotId,
    string GateId,
    bool Flagged,
    DateTimeOffset At);

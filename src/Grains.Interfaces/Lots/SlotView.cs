namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A slot as the dashboard shows it.</summary>
public sealed record SlotView(
    string SlotId,
    string FloorId,
    string Number,
    VehicleClass Size,
    bool Ev,
    bool Accessible,
    SlotStatus Status,
    string? SessionId,
    SlotOverride Override,
    string? OverrideReason,
    string? ReservationId);

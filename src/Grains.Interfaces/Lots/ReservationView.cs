namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record ReservationView(
    string ReservationId,
    string HolderId,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    string SlotId,
    DateTimeOffset From,
    DateTimeOffset To,
    ReservationStatus Status);

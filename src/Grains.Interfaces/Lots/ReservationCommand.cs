namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Reserve a specific slot, or any slot of a class, for a window ahead. The holder claims it by plate or card at entry.</summary>
public sealed record ReservationCommand(
    string EventId,
    string HolderId,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    string? SlotId,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset Time);

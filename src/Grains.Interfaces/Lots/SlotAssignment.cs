namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Where the driver should go: the slot, its floor and a short direction text for the gate display.</summary>
public sealed record SlotAssignment(string SlotId, string FloorId, string FloorName, string Number, VehicleClass Size, string Directions);

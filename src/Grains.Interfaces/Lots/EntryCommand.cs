namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>A vehicle at an entry lane. <see cref="EventId"/> makes it idempotent: a repeat returns the first decision.</summary>
public sealed record EntryCommand(
    string EventId,
    string GateId,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    DateTimeOffset Time);

using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

public sealed record EntryDenied(
    string EventId,
    string GateId,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    DenialReason Reason,
    EntryDecision Decision,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>An operator ended a stay in an emergency; the slot is free and no fee was collected.</summary>
public sealed record SessionForceClosed(
    string EventId,
    string SessionId,
    string SlotId,
    VehicleClass VehicleClass,
    string Operator,
    string Reason,
    ExitDecision Decision,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>A stay ended at an exit lane; <see cref="Fee"/> is what the stay cost in total.</summary>
public sealed record VehicleExited(
    string EventId,
    string SessionId,
    string GateId,
    string SlotId,
    VehicleClass VehicleClass,
    Money Fee,
    Money AmountPaid,
    bool LostTicket,
    ExitDecision Decision,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

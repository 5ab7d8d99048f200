using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>A vehicle was let in and given a slot (and a session and ticket).</summary>
public sealed record VehicleEntered(
    string EventId,
    string SessionId,
    string Ticket,
    string GateId,
    string? Plate,
    string? CardId,
    VehicleClass VehicleClass,
    string SlotId,
    bool Subscriber,
    bool Flagged,
    string? ReservationId,
    EntryDecision Decision,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

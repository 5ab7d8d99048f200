using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

public sealed record ExitDenied(
    string EventId,
    string? SessionId,
    string GateId,
    DenialReason Reason,
    ExitDecision Decision,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

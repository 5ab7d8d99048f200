using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

public sealed record SlotOverridden(
    string EventId,
    string SlotId,
    SlotOverride Override,
    string Reason,
    string Operator,
    OverrideResult Result,
    DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

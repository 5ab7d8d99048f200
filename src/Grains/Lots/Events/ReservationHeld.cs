using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>The reservation's window began: its slot is held for the holder (possibly another slot of the class).</summary>
public sealed record ReservationHeld(string ReservationId, string SlotId, DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

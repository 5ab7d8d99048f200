using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

public sealed record ReservationCancelled(string EventId, string ReservationId, ReservationResult Result, DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

/// <summary>The window ended unclaimed; the hold is released.</summary>
public sealed record ReservationExpired(string ReservationId, DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Grains.Interfaces.Lots;
using ParkingGrains.Grains.Interfaces.Tariffs;

namespace ParkingGrains.Grains.Lots.Events;

public sealed record ReservationBooked(string EventId, ReservationView Reservation, ReservationResult Result, DateTimeOffset OccurredAt) : LotEvent(OccurredAt);

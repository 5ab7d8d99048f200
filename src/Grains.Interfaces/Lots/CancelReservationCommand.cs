namespace ParkingGrains.Grains.Interfaces.Lots;

public sealed record CancelReservationCommand(string EventId, string ReservationId, string HolderId, DateTimeOffset Time);

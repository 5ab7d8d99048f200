namespace ParkingGrains.Grains.Interfaces.Lots;

public enum ReservationStatus
{
    Booked = 0,
    Held = 1,
    Claimed = 2,
    Cancelled = 3,
    Expired = 4,
}

namespace ParkingGrains.Grains.Interfaces.Lots;

public enum SlotStatus
{
    Free = 0,
    Held = 1,
    Occupied = 2,
    OutOfService = 3,
}

namespace ParkingGrains.Runtime.Tests.Storage;

public enum TestSlotStatus
{
    Free,
    Occupied,
    OutOfService,
}

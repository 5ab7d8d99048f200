namespace ParkingGrains.Storage.Tests.Storage;

public enum TestSlotStatus
{
    Free,
    Occupied,
    OutOfService,
}

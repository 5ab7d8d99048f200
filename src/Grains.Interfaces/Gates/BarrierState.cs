namespace ParkingGrains.Grains.Interfaces.Gates;

public enum BarrierState
{
    Closed = 0,
    Open = 1,
    HeldOpen = 2,
}

namespace ParkingGrains.Grains.Interfaces.Gates;

public enum GateCommandKind
{
    Open = 0,
    Close = 1,
    HoldOpen = 2,
}

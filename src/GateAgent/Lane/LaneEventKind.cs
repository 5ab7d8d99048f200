namespace ParkingGrains.GateAgent.Lane;

public enum LaneEventKind
{
    Entry = 0,
    Exit = 1,
}

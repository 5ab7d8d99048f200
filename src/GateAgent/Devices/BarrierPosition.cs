namespace ParkingGrains.GateAgent.Devices;

/// <summary>An end position of the boom, as the relay's limit switches report it.</summary>
public enum BarrierPosition
{
    Down,
    Up,
}

namespace ParkingGrains.GateAgent.Devices;

public enum BarrierState
{
    Closed,
    Opening,
    Open,
    /// <summary>Open until released: the open timer is ignored (operator "hold open").</summary>
    HeldOpen,
    Closing,
}

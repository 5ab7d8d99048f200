namespace ParkingGrains.GateAgent.Devices;

/// <summary>Why the barrier changed state.</summary>
public enum BarrierCause
{
    OpenCommand,
    CloseCommand,
    HoldOpenCommand,
    ReleaseCommand,
    /// <summary>The relay reported the boom reached its end position.</summary>
    MotionComplete,
    /// <summary>The open time ran out with nothing under the barrier.</summary>
    OpenTimerExpired,
    /// <summary>A close that waited for a vehicle to leave the loop: the loop was clear for the clear delay.</summary>
    VehicleCleared,
    /// <summary>A vehicle entered the loop while the boom was coming down: it goes back up.</summary>
    VehiclePresent,
}

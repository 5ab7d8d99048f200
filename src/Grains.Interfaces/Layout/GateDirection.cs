namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>Which way traffic may pass a gate.</summary>
public enum GateDirection
{
    In = 0,
    Out = 1,
    Both = 2,
}

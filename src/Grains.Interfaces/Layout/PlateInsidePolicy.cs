namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>What entry does when the plate already has an open session in the lot.</summary>
public enum PlateInsidePolicy
{
    Deny = 0,
    Flag = 1,
}

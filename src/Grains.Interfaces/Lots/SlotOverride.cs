namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>An operator's manual status for a slot; <see cref="Automatic"/> clears the override.</summary>
public enum SlotOverride
{
    Automatic = 0,
    Free = 1,
    Occupied = 2,
    OutOfService = 3,
}

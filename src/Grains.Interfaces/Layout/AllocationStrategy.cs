namespace ParkingGrains.Grains.Interfaces.Layout;

/// <summary>How a lot picks a free slot for an entering vehicle.</summary>
public enum AllocationStrategy
{
    /// <summary>Smallest fitting slot class (exact first), then nearest to the entering gate; ties by slot id.</summary>
    BestFitNearest = 0,

    /// <summary>Rotates through the slots of a class in layout order, spreading use evenly.</summary>
    RoundRobin = 1,
}

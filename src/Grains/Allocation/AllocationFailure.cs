namespace ParkingGrains.Grains.Allocation;

/// <summary>Why no slot was allocated.</summary>
public enum AllocationFailure
{
    /// <summary>The gate is not part of this lot's layout.</summary>
    UnknownGate = 1,

    /// <summary>Slots that fit exist (exact class or an overflow target) but none is free.</summary>
    Full = 2,

    /// <summary>The lot has no slot at all that fits the class and the EV/accessible needs, even with overflow.</summary>
    NotOffered = 3,
}

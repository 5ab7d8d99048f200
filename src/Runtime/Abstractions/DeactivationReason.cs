namespace ParkingGrains.Runtime;

public enum DeactivationReason
{
    /// <summary>Unused for longer than the collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down gracefully.</summary>
    ShuttingDown,

    /// <summary>Membership changed and another silo now owns the grain.</summary>
    OwnershipChanged,

    /// <summary>OnActivateAsync threw.</summary>
    ActivationFailed,
}

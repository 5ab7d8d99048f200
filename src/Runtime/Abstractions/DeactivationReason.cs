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

    /// <summary>
    /// A state write or event append failed, so the state in memory may not be what storage holds; the next call
    /// activates the grain afresh from storage.
    /// </summary>
    StateWriteFailed,
}

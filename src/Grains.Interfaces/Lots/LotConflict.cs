namespace ParkingGrains.Grains.Interfaces.Lots;

/// <summary>Why a lot refused a configuration change although the change itself may be valid.</summary>
public enum LotConflict
{
    None = 0,

    /// <summary>Create was asked for a lot that is already configured.</summary>
    AlreadyConfigured = 1,

    /// <summary>The lot has no configuration to change or remove.</summary>
    NotConfigured = 2,

    /// <summary>The configuration changed since the caller read it (its expected revision is stale).</summary>
    RevisionChanged = 3,

    /// <summary>Remove was refused: vehicles are inside or reservations are open.</summary>
    NotEmpty = 4,
}

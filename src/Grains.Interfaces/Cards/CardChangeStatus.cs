namespace ParkingGrains.Grains.Interfaces.Cards;

public enum CardChangeStatus
{
    Applied = 0,

    /// <summary>The definition has problems (listed); nothing changed.</summary>
    Invalid = 1,

    /// <summary>Create: a card with that id exists.</summary>
    Exists = 2,

    /// <summary>There is no such card.</summary>
    NotFound = 3,

    /// <summary>The card changed since the caller read it (its expected version is stale).</summary>
    VersionChanged = 4,
}

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>How the lost-ticket fee combines with the time fee computed from the recorded entry.</summary>
public enum LostTicketMode
{
    /// <summary>The lost-ticket fee is added to the time fee.</summary>
    Surcharge = 0,

    /// <summary>The lost-ticket fee replaces the time fee (the entry time is not trusted).</summary>
    Flat = 1,

    /// <summary>The larger of the time fee and the lost-ticket fee.</summary>
    AtLeast = 2,
}

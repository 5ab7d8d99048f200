namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>Which rules shaped a fee, so a receipt and an operator can see why.</summary>
[Flags]
public enum FeeRules
{
    None = 0,

    /// <summary>Monthly-pass holder: free.</summary>
    Subscriber = 1,

    /// <summary>The stay ended within the grace period: no time fee.</summary>
    GracePeriod = 2,

    /// <summary>Time was charged per period.</summary>
    Periods = 4,

    /// <summary>At least one overnight window was charged at its flat price.</summary>
    OvernightFlat = 8,

    /// <summary>At least one day was limited to the daily cap.</summary>
    DailyCap = 16,

    /// <summary>The lost-ticket fee applied.</summary>
    LostTicket = 32,
}

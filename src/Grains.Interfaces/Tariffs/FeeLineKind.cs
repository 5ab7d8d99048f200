namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>What a receipt line charges for.</summary>
public enum FeeLineKind
{
    /// <summary>The first period of the stay.</summary>
    FirstPeriod = 0,

    /// <summary>A run of later periods.</summary>
    LaterPeriods = 1,

    /// <summary>An overnight window at its flat price, replacing the periods that start inside it.</summary>
    OvernightFlat = 2,
}

namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>How the last, partial later period of a stay is charged.</summary>
public enum PeriodRounding
{
    /// <summary>Every started period is charged, except a remainder no longer than the rate's tolerance.</summary>
    Up = 0,

    /// <summary>Only completed later periods are charged (the first period is always charged once past grace).</summary>
    Down = 1,

    /// <summary>A remainder of half a period or more is charged as a whole period; less is dropped.</summary>
    Nearest = 2,
}

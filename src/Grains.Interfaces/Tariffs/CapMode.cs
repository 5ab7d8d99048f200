namespace ParkingGrains.Grains.Interfaces.Tariffs;

/// <summary>What "a day" means for the daily cap.</summary>
public enum CapMode
{
    /// <summary>Each calendar day in the lot's time zone (local midnight to midnight; 23 h or 25 h on DST days).</summary>
    CalendarDay = 0,

    /// <summary>Consecutive 24 h of elapsed time counted from the entry.</summary>
    Rolling24Hours = 1,
}

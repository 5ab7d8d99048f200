using ParkingGrains.Grains.Interfaces.Validation;

namespace ParkingGrains.Domain.Layout;

/// <summary>
/// The bounds <see cref="LayoutValidator"/> holds every layout to, and the codes of the problems it reports when
/// one is exceeded. A layout is shown whole on the admin page and kept whole in the lot's state, so its names and
/// counts are limited to what a real car park needs, with room to spare.
/// </summary>
public static class LayoutLimits
{
    /// <summary>Lot, floor, slot and gate ids; also the web API's bound for every id in a URL.</summary>
    public const int MaxIdLength = CommandLimits.MaxIdLength;

    /// <summary>Lot, floor and gate names and slot numbers.</summary>
    public const int MaxNameLength = 80;

    public const int MinFloorLevel = -20;
    public const int MaxFloorLevel = 200;
    public const int MaxLane = 999;
    public const int MaxFloors = 200;
    public const int MaxGates = 100;
    public const int MaxSlots = 10_000;
    public const int MaxOverflowRules = 16;

    /// <summary>A name, number or id longer than its bound.</summary>
    public const string TooLong = "TooLong";

    /// <summary>Control, bidi or zero-width characters (<see cref="TextRules"/>).</summary>
    public const string InvalidCharacters = "InvalidCharacters";

    /// <summary>A number (floor level, lane) outside its range.</summary>
    public const string OutOfRange = "OutOfRange";

    /// <summary>More floors, gates, slots or rules than a lot may have.</summary>
    public const string TooMany = "TooMany";
}

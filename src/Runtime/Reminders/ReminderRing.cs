using System.Globalization;

namespace ParkingGrains.Runtime.Reminders;

/// <summary>Ring-range arithmetic and ETag format shared by the reminder tables.</summary>
internal static class ReminderRing
{
    /// <summary>True when <paramref name="hash"/> lies in (begin, end], wrapping past uint.MaxValue; begin == end is the whole ring.</summary>
    public static bool Contains(uint begin, uint end, uint hash) =>
        begin < end ? hash > begin && hash <= end
        : begin > end ? hash > begin || hash <= end
        : true;

    public static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseETag(string? eTag, out long version) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);
}

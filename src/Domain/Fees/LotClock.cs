namespace ParkingGrains.Domain.Fees;

/// <summary>Maps between instants and a lot's wall clock, with one rule for DST edges.</summary>
internal static class LotClock
{
    // tzdata transitions fall on whole minutes; a skipped span is at most a day (Samoa 2011).
    private const int MaxSkippedMinutes = 48 * 60;

    /// <summary>The lot's wall-clock reading at <paramref name="instant"/>.</summary>
    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// The first instant at which the lot's clock shows <paramref name="local"/>: the earlier of the two when the
    /// clock goes back (fall-back), and the end of the gap when the clock skips it (spring-forward).
    /// </summary>
    public static DateTimeOffset FirstInstantAt(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant (still on summer time).
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        var probe = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        for (var i = 0; i < MaxSkippedMinutes && zone.IsInvalidTime(probe); i++)
        {
            probe = probe.AddMinutes(1);
        }

        if (zone.IsInvalidTime(probe))
        {
            throw new InvalidOperationException($"Time zone {zone.Id} skips more than {MaxSkippedMinutes} minutes after {local:O}.");
        }

        return new DateTimeOffset(probe, zone.GetUtcOffset(probe));
    }
}

using System.Globalization;

namespace ParkingGrains.History;

/// <summary>Range checks, time-zone resolution and the local-time helpers the SQLite queries need.</summary>
internal static class HistoryTime
{
    /// <summary>The text form of event_log.occurred_at in SQLite (fixed width, so text order is time order).</summary>
    public const string SqliteInstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The text form of a local bucket start that SQLite's strftime produces and C# parses back.</summary>
    public const string SqliteBucketFormat = "yyyy-MM-dd HH:mm:ss";

    public static void RequireRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The range [{from:O}, {to:O}) is empty.");
        }
    }

    /// <summary>
    /// The zone buckets are computed in: the requested one, else the one every selected lot was (last) configured
    /// with. A history without any configured lot has no events either, so UTC is as good as any there.
    /// </summary>
    public static TimeZoneInfo ResolveZone(string? requested, IReadOnlyDictionary<string, string> configuredZoneByLot)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            return TimeZoneInfo.FindSystemTimeZoneById(requested);
        }

        var zones = configuredZoneByLot.Values.Distinct(StringComparer.Ordinal).ToList();
        return zones.Count switch
        {
            0 => TimeZoneInfo.Utc,
            1 => TimeZoneInfo.FindSystemTimeZoneById(zones[0]),
            _ => throw new ArgumentException(
                "The selected lots are in different time zones (" + string.Join(", ", configuredZoneByLot.Select(p => $"{p.Key}: {p.Value}")) +
                "); pass TimeZoneId, or query the lots one at a time."),
        };
    }

    /// <summary>The IANA name PostgreSQL understands (a Windows id is converted).</summary>
    public static string IanaId(TimeZoneInfo zone)
    {
        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            ? iana
            : throw new ArgumentException($"Time zone {zone.Id} has no IANA name.");
    }

    public static string SqliteInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(SqliteInstantFormat, CultureInfo.InvariantCulture);

    public static DateTime ParseSqliteBucket(string text) =>
        DateTime.ParseExact(text, SqliteBucketFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>
    /// [from, to) cut where the zone's UTC offset changes: (start, end, offset) with start/end as SQLite instant text.
    /// SQLite has no time-zone database, so the query joins each event to its span and shifts it by that span's
    /// offset; a month has one to three spans, and DST is exact (to the second) rather than approximated.
    /// </summary>
    public static IReadOnlyList<(string Start, string End, string Shift)> OffsetSpans(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var spans = new List<(string, string, string)>();
        var start = from;
        var offset = zone.GetUtcOffset(start);
        for (var probe = start; probe < to;)
        {
            var next = probe.AddHours(1) < to ? probe.AddHours(1) : to;
            var nextOffset = zone.GetUtcOffset(next < to ? next : to.AddTicks(-1));
            if (nextOffset != offset)
            {
                // The change is within (probe, next]: narrow it down to the second.
                var (low, high) = (probe, next);
                while (high - low > TimeSpan.FromSeconds(1))
                {
                    var middle = low + ((high - low) / 2);
                    (low, high) = zone.GetUtcOffset(middle) == offset ? (middle, high) : (low, middle);
                }

                var change = new DateTimeOffset(high.UtcTicks - (high.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                spans.Add((SqliteInstant(start), SqliteInstant(change), Shift(offset)));
                (start, offset) = (change, zone.GetUtcOffset(change));
            }

            probe = next;
        }

        spans.Add((SqliteInstant(start), SqliteInstant(to), Shift(offset)));
        return spans;
    }

    /// <summary>Every local bucket start from the one holding <paramref name="from"/> to the one holding the last instant before <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> LocalBuckets(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, HistoryBucket bucket)
    {
        // Wall-clock steps, like PostgreSQL's generate_series over local timestamps: a skipped DST hour still gets its
        // (empty) bucket and a repeated hour is one bucket.
        var first = Truncate(TimeZoneInfo.ConvertTime(from, zone).DateTime, bucket);
        var last = Truncate(TimeZoneInfo.ConvertTime(to.AddTicks(-1), zone).DateTime, bucket);
        var buckets = new List<string>();
        for (var at = first; at <= last; at = bucket == HistoryBucket.Day ? at.AddDays(1) : at.AddHours(1))
        {
            buckets.Add(at.ToString(SqliteBucketFormat, CultureInfo.InvariantCulture));
        }

        return buckets;
    }

    public static string SqliteBucketPattern(HistoryBucket bucket) => bucket == HistoryBucket.Day ? "%Y-%m-%d 00:00:00" : "%Y-%m-%d %H:00:00";

    public static string PostgreSqlUnit(HistoryBucket bucket) => bucket == HistoryBucket.Day ? "day" : "hour";

    private static DateTime Truncate(DateTime local, HistoryBucket bucket) =>
        bucket == HistoryBucket.Day ? local.Date : new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);

    private static string Shift(TimeSpan offset) =>
        ((long)offset.TotalSeconds).ToString("+0;-0", CultureInfo.InvariantCulture) + " seconds";
}

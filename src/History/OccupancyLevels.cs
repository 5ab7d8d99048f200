namespace ParkingGrains.History;

/// <summary>
/// Completes occupancy rows with <see cref="OccupancyRow.PeakInside"/> and <see cref="OccupancyRow.AverageInside"/>
/// from two aggregates the SQL computes per (lot, class, bucket) without any per-event output: the highest running
/// sum of movements (+1 entry, -1 exit or force-close) within the bucket, and the moment Σ±(t − from) in seconds.
/// With s and e the bucket's start and end in the range, the vehicles inside integrate to
/// insideAtEnd·(e − s) − Σ±(t − s), so the average is insideAtEnd − Σ±(t − s) / (e − s): exact, and only sums.
/// Bucket edges are instants of the local start of the bucket and of the next one, so a 23- or 25-hour day (or a
/// repeated hour) is averaged over its real length.
/// </summary>
internal sealed class OccupancyLevels(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, HistoryBucket bucket, DateTimeOffset now)
{
    private readonly Dictionary<DateTime, (DateTimeOffset Start, DateTimeOffset End)> _spans = [];

    public OccupancyRow Complete(OccupancyRow row, double moment, long? top)
    {
        var (start, end) = Span(row.Bucket);
        if (start >= now)
        {
            return row; // not begun: no peak or average yet
        }

        var net = row.Entries - row.Exits - row.ForceClosed;
        var insideAtStart = row.InsideAtEnd - net;
        var peak = insideAtStart + Math.Max(0, top ?? 0);
        var length = (end - start).TotalSeconds;

        // A bucket with no length (the hour skipped when summer time starts) holds no movements either.
        var average = length <= 0
            ? insideAtStart
            : row.InsideAtEnd - ((moment - (net * (start - from).TotalSeconds)) / length);

        // Never above the peak: a movement stamped after now (a gate clock running ahead) must not inflate it.
        return row with { PeakInside = peak, AverageInside = Math.Round(Math.Min(average, peak), 4) };
    }

    private (DateTimeOffset Start, DateTimeOffset End) Span(DateTime local)
    {
        if (!_spans.TryGetValue(local, out var span))
        {
            var next = bucket == HistoryBucket.Day ? local.AddDays(1) : local.AddHours(1);
            var start = Max(Instant(local), from);
            var end = Min(Min(Instant(next), to), now);
            span = (start, end < start ? start : end);
            _spans[local] = span;
        }

        return span;
    }

    /// <summary>The first instant whose local time is at or after <paramref name="local"/>.</summary>
    private DateTimeOffset Instant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // A repeated hour: its first occurrence, under the larger (summer) offset.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (zone.IsInvalidTime(local))
        {
            // Skipped by the clock change: the change itself, i.e. this wall time under the offset before it.
            return new DateTimeOffset(local, zone.GetUtcOffset(new DateTimeOffset(local.AddDays(-1), TimeSpan.Zero)));
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

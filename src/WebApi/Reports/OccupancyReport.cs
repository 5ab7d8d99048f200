namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// The occupancy report as JSON (<c>format=json</c>), for charts: per bucket, lot (and class with <c>by=class</c>) the
/// movements, the vehicles inside (at the end, at the peak, on average) and the same as a percentage of the slots.
/// </summary>
/// <param name="Lots">Every lot in the rows with its slots per size, from its current layout.</param>
internal sealed record OccupancyReport(
    string Kind,
    string? LotId,
    string Scope,
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    string GroupBy,
    IReadOnlyList<string> By,
    IReadOnlyList<string> Buckets,
    IReadOnlyList<LotCapacity> Lots,
    IReadOnlyList<OccupancyReportRow> Rows,
    OccupancyTotals Totals,
    DateTimeOffset GeneratedAt);

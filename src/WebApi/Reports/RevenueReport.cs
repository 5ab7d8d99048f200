namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// The revenue report as JSON (<c>format=json</c>), for charts: raw amounts per bucket and split, every bucket of the
/// range in <see cref="Buckets"/> (also those without revenue), and one total per currency (never summed across).
/// </summary>
/// <param name="By">The splits asked for with <c>by</c>: lot, class, method.</param>
/// <param name="Buckets">Every period label of the range, in order; rows use the same labels.</param>
internal sealed record RevenueReport(
    string Kind,
    string? LotId,
    string Scope,
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    string GroupBy,
    IReadOnlyList<string> By,
    IReadOnlyList<string> Buckets,
    IReadOnlyList<RevenueReportRow> Rows,
    IReadOnlyList<RevenueTotal> Totals,
    DateTimeOffset GeneratedAt);

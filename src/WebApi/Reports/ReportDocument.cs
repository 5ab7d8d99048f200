namespace ParkingGrains.WebApi.Reports;

/// <summary>A finished report, independent of the output format: HTML, CSV and PDF all render this.</summary>
internal sealed record ReportDocument(
    string Kind,
    string Title,
    string Scope,
    string Period,
    string TimeZone,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<IReadOnlyList<ReportCell>> Rows,
    IReadOnlyList<IReadOnlyList<ReportCell>> Totals,
    string ChartTitle,
    IReadOnlyList<ChartBar> Chart,
    DateTimeOffset GeneratedAt);

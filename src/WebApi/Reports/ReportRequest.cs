namespace ParkingGrains.WebApi.Reports;

/// <summary>
/// The query string of a report, as text, so that bad values become a 400 problem naming the parameter instead of
/// the framework's bare 400. <see cref="From"/>/<see cref="To"/> are ISO 8601; without an offset (e.g. "2026-06-01")
/// they are the lot's local time.
/// </summary>
internal sealed class ReportRequest
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? LotId { get; init; }

    public string? GroupBy { get; init; }

    public string? By { get; init; }

    public string? Format { get; init; }

    public string? TimeZone { get; init; }
}

namespace ParkingGrains.WebApi.Reports;

/// <summary>The output formats of a report; PDF is the HTML printed by headless Chromium, JSON is the raw numbers for charts.</summary>
internal enum ReportFormat
{
    Html = 0,
    Csv = 1,
    Pdf = 2,
    Json = 3,
}

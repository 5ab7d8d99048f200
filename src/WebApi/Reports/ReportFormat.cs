namespace ParkingGrains.WebApi.Reports;

/// <summary>The output formats of a report; PDF is the HTML printed by headless Chromium.</summary>
internal enum ReportFormat
{
    Html = 0,
    Csv = 1,
    Pdf = 2,
}

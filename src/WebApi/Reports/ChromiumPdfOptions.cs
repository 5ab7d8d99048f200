namespace ParkingGrains.WebApi.Reports;

/// <summary>Reports:ChromiumPath (default: chromium on the PATH), Reports:PdfTimeoutSeconds (30), Reports:PdfConcurrency (2).</summary>
internal sealed class ChromiumPdfOptions
{
    public string? ExecutablePath { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int Concurrency { get; init; } = 2;
}

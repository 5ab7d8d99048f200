namespace ParkingGrains.WebApi.Reports;

/// <summary>Chromium could not print a report: <see cref="Unavailable"/> when it is not installed, else it failed or timed out.</summary>
internal sealed class PdfRenderingException(string message, bool unavailable, string? stderr = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Unavailable { get; } = unavailable;

    public string? StandardError { get; } = stderr;
}

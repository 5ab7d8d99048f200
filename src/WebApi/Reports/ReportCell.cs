namespace ParkingGrains.WebApi.Reports;

/// <summary>One table cell: how people read it (HTML, PDF) and how machines read it (CSV, invariant culture).</summary>
internal sealed record ReportCell(string Text, string Csv, bool Numeric = false)
{
    public static ReportCell Label(string text) => new(text, text);
}

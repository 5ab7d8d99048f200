namespace ParkingGrains.WebApi.Reports;

/// <summary>A table column; <see cref="CsvOnly"/> columns (e.g. the currency code) are folded into the HTML cells instead.</summary>
internal sealed record ReportColumn(string Header, bool Numeric = false, bool CsvOnly = false);

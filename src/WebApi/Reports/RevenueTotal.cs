namespace ParkingGrains.WebApi.Reports;

/// <summary>All revenue of the report in one currency.</summary>
internal sealed record RevenueTotal(string Currency, decimal Amount, long Payments);

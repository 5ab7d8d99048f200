namespace ParkingGrains.WebApi.Reports;

/// <summary>All revenue of the report in one currency; <see cref="Overpaid"/> is the part of it paid above what was due.</summary>
internal sealed record RevenueTotal(string Currency, decimal Amount, long Payments, decimal Overpaid);
